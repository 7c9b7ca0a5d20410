import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// SQLite's page cache is 2 MB by default, in front of a file that holds an agency's hundreds of
/// megabytes: caseload pages then spend a tenth of their time reading pages back. At start each
/// connection (one per event loop) maps the file into memory and keeps a cache sized for it.
enum SQLiteTuning {
    /// A memory map of twice the file (at least 256 MiB, at most 4 GiB) and a page cache of a quarter
    /// of it (16 to 256 MiB), with temporary tables in memory.
    static func pragmas(fileSize: Int64) -> [String] {
        let mebibyte: Int64 = 1 << 20
        let map = min(max(fileSize * 2, 256 * mebibyte), 4096 * mebibyte)
        let cacheKiB = min(max(fileSize / 4, 16 * mebibyte), 256 * mebibyte) / 1024
        return ["PRAGMA mmap_size = \(map)", "PRAGMA cache_size = -\(cacheKiB)", "PRAGMA temp_store = MEMORY"]
    }

    static func apply(to application: Application, path: String) async throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        let statements = pragmas(fileSize: size)
        for loop in application.eventLoopGroup.makeIterator() {
            guard let sql = application.databases.database(.sqlite, logger: application.logger, on: loop) as? any SQLDatabase else { continue }
            for statement in statements { try await sql.raw("\(unsafeRaw: statement)").run() }
        }
    }
}
