@testable import App
import Fluent
import SQLKit
import Testing

extension AppTests {
    /// The shape a database distributed by organisation needs (docs/SCALE.md): every table of an
    /// organisation's data names the organisation on every row and has an index that starts with it.
    @Suite struct DistributionShapeTests {
        struct Table {
            var name: String
            var columns: [String: Bool]  // column: NOT NULL
            var indexFirstColumns: [String]
        }

        static func tables(_ sql: any SQLDatabase) async throws -> [Table] {
            var tables: [Table] = []
            if sql.dialect.name == "sqlite" {
                let names = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_fluent%'")
                    .all().map { try $0.decode(column: "name", as: String.self) }
                for name in names {
                    var columns: [String: Bool] = [:]
                    for row in try await sql.raw("SELECT name, \"notnull\" FROM pragma_table_info(\(bind: name))").all() {
                        columns[try row.decode(column: "name", as: String.self)] = try row.decode(column: "notnull", as: Int.self) == 1
                    }
                    var firsts: [String] = []
                    for index in try await sql.raw("SELECT name FROM pragma_index_list(\(bind: name))").all() {
                        let indexName = try index.decode(column: "name", as: String.self)
                        if let first = try await sql.raw("SELECT name FROM pragma_index_info(\(bind: indexName)) ORDER BY seqno LIMIT 1").first() {
                            firsts.append(try first.decode(column: "name", as: String.self))
                        }
                    }
                    tables.append(Table(name: name, columns: columns, indexFirstColumns: firsts))
                }
            } else {
                let columns = try await sql.raw("""
                    SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()
                    """).all()
                var byTable: [String: [String: Bool]] = [:]
                for row in columns {
                    byTable[try row.decode(column: "table_name", as: String.self), default: [:]][try row.decode(column: "column_name", as: String.self)]
                        = try row.decode(column: "is_nullable", as: String.self) == "NO"
                }
                var firsts: [String: [String]] = [:]
                for row in try await sql.raw("SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema()").all() {
                    let definition = try row.decode(column: "indexdef", as: String.self)
                    guard let open = definition.firstIndex(of: "(") else { continue }
                    let first = definition[definition.index(after: open)...].prefix { $0 != "," && $0 != ")" }
                    firsts[try row.decode(column: "tablename", as: String.self), default: []].append(first.trimmingCharacters(in: .whitespaces))
                }
                for (name, columns) in byTable where !name.hasPrefix("_fluent") {
                    tables.append(Table(name: name, columns: columns, indexFirstColumns: firsts[name] ?? []))
                }
            }
            return tables.sorted { $0.name < $1.name }
        }

        @Test func everyTableOfAnOrganisationsDataNamesItAndIsIndexedByIt() async throws {
            try await withApp { app async throws in
                let sql = try #require(app.db as? any SQLDatabase)
                let tables = try await Self.tables(sql)
                #expect(tables.count > 60)
                let organisations = tables.filter { $0.columns["organisation_id"] != nil }
                #expect(organisations.count >= 50)
                for table in organisations {
                    #expect(table.columns["organisation_id"] == true, "\(table.name).organisation_id is NOT NULL")
                    #expect(table.indexFirstColumns.contains("organisation_id"), "\(table.name) has an index that starts with organisation_id")
                }
                // What belongs to a trajectory or a client belongs to an organisation.
                for table in tables where table.columns["trajectory_id"] != nil || table.columns["client_id"] != nil {
                    #expect(table.columns["organisation_id"] != nil, "\(table.name) names its organisation")
                }
            }
        }
    }
}
