@testable import App
import Foundation
import Testing
import Vapor

extension AppTests {
    /// The words of the interface, checked on the repository's files: every key the code uses is in
    /// strings.yaml, every key there is used, no key is built at runtime, and a page carries only the
    /// words of its own template.
    ///
    /// Templates use a key as `layout.t.KEY`. Swift code uses a key as a string literal in a key
    /// position: the first argument of `t(` or of `strings.text(`, the second of `problem(`, the
    /// argument labelled `missing:` or with a name ending in `Key` (`titleKey:`, `labelKey:`,
    /// `messageKey:`, ...), what is assigned to a name ending in `Key`, the body of a `String`
    /// property or function whose name ends in `Key`, and the arguments of a type ending in `Key`
    /// (`FormProblemKey("...")`). Literals compared (`==`) or matched (`case "...":`) there are not keys.
    @Suite struct StringKeyTests {
        static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        static let appSources = root.appendingPathComponent("Sources/App")
        static let views = appSources.appendingPathComponent("Resources/Views")
        static let stringsFile = appSources.appendingPathComponent("Resources/Localization/strings.yaml")

        static func files(under folder: URL, ending suffix: String) throws -> [URL] {
            try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }.sorted()
                .map { folder.appendingPathComponent($0) }
        }

        /// The keys of strings.yaml.
        static func yamlKeys() throws -> Set<String> {
            try UIStrings.load(from: stringsFile).keys
        }

        /// Every `layout.t.KEY` of the templates, with the templates that read it.
        static func templateKeys() throws -> [String: [String]] {
            var keys: [String: [String]] = [:]
            for file in try files(under: views, ending: ".leaf") {
                for key in TemplateStrings.stringKeys(in: try String(contentsOf: file, encoding: .utf8)) {
                    keys[key, default: []].append(file.lastPathComponent)
                }
            }
            return keys
        }

        /// What the Swift files of the App say about keys.
        static func swiftKeys() throws -> SwiftKeyScanner.Findings {
            var findings = SwiftKeyScanner.Findings()
            for file in try files(under: appSources, ending: ".swift") {
                let name = String(file.path.dropFirst(root.path.count + 1))
                SwiftKeyScanner.scan(try String(contentsOf: file, encoding: .utf8), file: name, into: &findings)
            }
            return findings
        }

        @Test func everyKeyTheCodeUsesIsInStringsYAML() throws {
            let yaml = try Self.yamlKeys()
            let swift = try Self.swiftKeys()
            let templates = try Self.templateKeys()
            #expect(swift.used.count > 500, "the scan finds the keys of the Swift code")
            let fromSwift = swift.used.filter { !yaml.contains($0.key) }
                .map { "\($0.key) (\($0.value.prefix(3).joined(separator: ", ")))" }.sorted()
            let fromTemplates = templates.filter { !yaml.contains($0.key) }
                .map { "\($0.key) (\($0.value.joined(separator: ", ")))" }.sorted()
            #expect(fromSwift.isEmpty, "keys used in Swift but missing from strings.yaml:\n\(fromSwift.joined(separator: "\n"))")
            #expect(fromTemplates.isEmpty, "keys used in templates but missing from strings.yaml:\n\(fromTemplates.joined(separator: "\n"))")
        }

        @Test func everyKeyInStringsYAMLIsUsed() throws {
            let swift = try Self.swiftKeys()
            let templates = try Self.templateKeys()
            let unused = try Self.yamlKeys().filter { templates[$0] == nil && !swift.literals.contains($0) }.sorted()
            #expect(unused.isEmpty, "keys in strings.yaml that no template or Swift file uses:\n\(unused.joined(separator: "\n"))")
        }

        @Test func noKeyIsBuiltAtRuntime() throws {
            let computed = try Self.swiftKeys().computed
            #expect(computed.isEmpty, "keys built from pieces; write each key out (a switch per case):\n\(computed.joined(separator: "\n"))")
        }

        @Test func theScannerFindsKeysInEveryPositionAndSpotsBuiltOnes() {
            var findings = SwiftKeyScanner.Findings()
            SwiftKeyScanner.scan("""
                let a = request.t("alpha"), b = request.t(flag ? "beta" : "gamma", ["name": "not a key"])
                form.problem("field", "delta"); _ = form.text("field", missing: "epsilon")
                let line = "\\(t("zeta")): \\(value)" // t("comment")
                var missingKey: String? { switch self { case .one: "eta" default: nil } }
                static func goalKey(_ x: Int) -> String { x == 1 ? "theta" : "iota" }
                render(titleKey: kind == "plain" ? "kappa" : "lambda")
                _ = request.t("step_\\(state)") + request.t("diff." + kind)
                """, file: "Example.swift", into: &findings)
            #expect(Set(findings.used.keys) == ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
                                                "kappa", "lambda"])
            #expect(findings.computed.count == 2, "\(findings.computed)")
            #expect(!findings.literals.contains("comment"))
        }

        @Test func placeholdersAreFilledInOnePass() throws {
            #expect(UIStrings.fill("Week {week} of {weeks}", ["week": "2", "weeks": "6"]) == "Week 2 of 6")
            #expect(UIStrings.fill("{a} and {a}", ["a": "x"]) == "x and x")
            #expect(UIStrings.fill("{a} {b}", ["a": "{b}", "b": "y"]) == "{b} y", "a value is not filled in again")
            #expect(UIStrings.fill("{unknown} {a", ["a": "x"]) == "{unknown} {a")
            let strings = try UIStrings.load(from: Self.stringsFile)
            #expect(strings.text("loginThrottled", ["minutes": "15"], .en).contains("15"))
            #expect(!strings.text("loginThrottled", ["minutes": "15"], .en).contains("{minutes}"))
        }

        // MARK: A page's words

        static func source(_ name: String) throws -> String {
            try String(contentsOf: views.appendingPathComponent(name + ".leaf"), encoding: .utf8)
        }

        @Test func aTemplateReadsTheKeysOfItsFileTheBaseAndItsPartials() throws {
            let base = TemplateStrings.stringKeys(in: try Self.source("shared/base"))
            #expect(base.isSuperset(of: ["skipToContent", "mainNavigation", "login", "logout", "footerAbout", "footerEsco"]))
            #expect(TemplateStrings.extended(in: try Self.source("register/eligibility")).contains("shared/base"))

            let home = try TemplateStrings.keys(of: Template.home.rawValue, source: Self.source)
            #expect(home.isSuperset(of: base))
            #expect(home.isSuperset(of: TemplateStrings.stringKeys(in: try Self.source(Template.home.rawValue))))
            // A partial's words come with the page that extends it, and only with such a page.
            let clientForm = try TemplateStrings.keys(of: Template.clientForm.rawValue, source: Self.source)
            let formPartial = TemplateStrings.stringKeys(in: try Self.source("shared/partials/form"))
            #expect(!formPartial.isEmpty && clientForm.isSuperset(of: formPartial))
            #expect(clientForm.contains("errorSummaryTitle"))
            #expect(!home.contains("notFilledIn"))
            #expect(!home.contains("errorSummaryTitle"))
        }

        @Test func theLayoutOfAPageEncodesOnlyTheWordsOfItsTemplate() async throws {
            try await withApp { app async throws in
                let request = Request(application: app, on: app.eventLoopGroup.next())
                let layout = Layout(request: request, title: "Test")
                let login = try #require(app.templateStrings.keys(for: .login))
                let office = try #require(app.templateStrings.keys(for: .office))
                let onlyOffice = try #require(office.subtracting(login).sorted().first)

                // Before a template is chosen, all words (as before); once chosen, only its words.
                #expect(try Self.words(layout).count == app.strings.keys.count)
                request.renderedTemplate.current = .login
                let words = try Self.words(layout)
                #expect(Set(words.keys) == login.intersection(app.strings.keys))
                #expect(words["skipToContent"] == app.strings.text("skipToContent", request.language))
                #expect(words[onlyOffice] == nil, "\(onlyOffice) is read only by another template")
            }
        }

        @Test func renderingRecordsTheTemplateAndTheErrorPageStillHasItsWords() async throws {
            try await withApp { app async throws in
                let request = Request(application: app, on: app.eventLoopGroup.next())
                let page = ErrorPage(layout: Layout(request: request, title: "Niet gevonden"), status: 404, heading: "Niet gevonden",
                                     message: "Weg", homeURL: "/")
                let html = String(buffer: try await request.render(.error, page).data)
                #expect(request.renderedTemplate.current == .error)
                #expect(html.contains(app.strings.text("skipToContent", request.language)))
                #expect(html.contains(app.strings.text("footerAbout", request.language)))

                let missing = try await TestBrowser(app).get("/no-such-page")
                #expect(missing.status == .notFound)
                #expect(missing.body.string.contains(app.strings.text("skipToContent", .nl)))
                #expect(missing.body.string.contains(app.strings.text("error404Title", .nl)))
            }
        }

        static func words(_ layout: Layout) throws -> [String: String] {
            try JSONDecoder().decode([String: String].self, from: JSONEncoder().encode(layout.t))
        }
    }
}

/// Finds the string keys in Swift source: a small lexer (names, punctuation, string literals with
/// their interpolations; comments skipped) and the key positions of `StringKeyTests`.
enum SwiftKeyScanner {
    struct Findings {
        /// Keys in key positions, with where they are.
        var used: [String: [String]] = [:]
        /// Every plain string literal anywhere.
        var literals: Set<String> = []
        /// Keys made of pieces (interpolation or `+`), with where they are.
        var computed: [String] = []
    }

    struct Token {
        enum Kind { case name, punctuation, string }
        var kind: Kind
        var text: String
        var line: Int
        var interpolated = false
    }

    static func scan(_ source: String, file: String, into findings: inout Findings) {
        var lexer = Lexer(Array(source))
        let tokens = lexer.tokens(insideInterpolation: false)
        for token in tokens where token.kind == .string && !token.interpolated {
            findings.literals.insert(token.text)
        }
        Positions(tokens: tokens, file: file).collect(into: &findings)
    }

    static func isKeyShaped(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
    }

    struct Lexer {
        let chars: [Character]
        var index = 0
        var line = 1

        init(_ chars: [Character]) { self.chars = chars }

        func starts(_ text: String, at position: Int) -> Bool {
            var at = position
            for character in text {
                guard at < chars.count, chars[at] == character else { return false }
                at += 1
            }
            return true
        }

        /// The tokens up to the end, or inside `\( ... )` up to its closing parenthesis.
        mutating func tokens(insideInterpolation: Bool) -> [Token] {
            var tokens: [Token] = []
            var depth = 0
            while index < chars.count {
                let character = chars[index]
                if character == "\n" { line += 1; index += 1; continue }
                if character.isWhitespace { index += 1; continue }
                if starts("//", at: index) {
                    while index < chars.count, chars[index] != "\n" { index += 1 }
                    continue
                }
                if starts("/*", at: index) {
                    index += 2
                    while index < chars.count, !starts("*/", at: index) {
                        if chars[index] == "\n" { line += 1 }
                        index += 1
                    }
                    index += 2
                    continue
                }
                if character == "\"" { tokens += string(); continue }
                if character.isLetter || character == "_" || character.isNumber {
                    var text = ""
                    while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" {
                        text.append(chars[index])
                        index += 1
                    }
                    tokens.append(Token(kind: .name, text: text, line: line))
                    continue
                }
                if starts("==", at: index) || starts("!=", at: index) || starts("->", at: index) {
                    tokens.append(Token(kind: .punctuation, text: String(chars[index...index + 1]), line: line))
                    index += 2
                    continue
                }
                if insideInterpolation {
                    if character == "(" { depth += 1 }
                    if character == ")" {
                        if depth == 0 { index += 1; return tokens }
                        depth -= 1
                    }
                }
                tokens.append(Token(kind: .punctuation, text: String(character), line: line))
                index += 1
            }
            return tokens
        }

        /// A string literal (its text without the interpolations), then the tokens of its interpolations.
        mutating func string() -> [Token] {
            let startLine = line
            let multiline = starts("\"\"\"", at: index)
            index += multiline ? 3 : 1
            var text = ""
            var interpolated = false
            var inner: [Token] = []
            while index < chars.count {
                let character = chars[index]
                if character == "\\" {
                    if index + 1 < chars.count, chars[index + 1] == "(" {
                        interpolated = true
                        index += 2
                        inner += tokens(insideInterpolation: true)
                        continue
                    }
                    text.append(character)
                    if index + 1 < chars.count { text.append(chars[index + 1]) }
                    index += 2
                    continue
                }
                let closes = multiline ? starts("\"\"\"", at: index) : character == "\""
                if closes {
                    index += multiline ? 3 : 1
                    break
                }
                if character == "\n" { line += 1 }
                text.append(character)
                index += 1
            }
            return [Token(kind: .string, text: text, line: startLine, interpolated: interpolated)] + inner
        }
    }

    /// The key positions in a file's tokens.
    struct Positions {
        let tokens: [Token]
        let file: String

        func text(_ index: Int) -> String? { tokens.indices.contains(index) ? tokens[index].text : nil }

        func isOpen(_ index: Int) -> Bool { tokens[index].kind == .punctuation && ["(", "[", "{"].contains(tokens[index].text) }
        func isClose(_ index: Int) -> Bool { tokens[index].kind == .punctuation && [")", "]", "}"].contains(tokens[index].text) }

        /// The tokens of one expression from `start`: up to a comma, a closing bracket, a body's `{`
        /// or a new line, outside brackets (`commas: false` reads over commas).
        func expression(from start: Int, commas: Bool = true) -> Range<Int> {
            var depth = 0
            var index = start
            while index < tokens.count {
                if depth == 0, index > start, tokens[index].line > tokens[index - 1].line { break }
                if isOpen(index) {
                    if depth == 0, tokens[index].text == "{" { break }
                    depth += 1
                } else if isClose(index) {
                    if depth == 0 { break }
                    depth -= 1
                } else if depth == 0, commas, tokens[index].text == "," {
                    break
                }
                index += 1
            }
            return start..<index
        }

        /// The tokens of the braces opening at `start`.
        func body(from start: Int) -> Range<Int> {
            var depth = 0
            var index = start
            while index < tokens.count {
                if isOpen(index) { depth += 1 }
                if isClose(index) {
                    depth -= 1
                    if depth == 0 { break }
                }
                index += 1
            }
            return start..<index
        }

        /// After a declared name: the index after `: String`, `: String?` or `(...) -> String`, or nil.
        func afterStringType(_ name: Int) -> Int? {
            var index = name + 1
            if text(index) == "(" {
                var depth = 0
                while index < tokens.count {
                    if text(index) == "(" { depth += 1 }
                    if text(index) == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    index += 1
                }
                index += 1
                guard text(index) == "->" else { return nil }
            } else if text(index) != ":" {
                return nil
            }
            index += 1
            guard text(index) == "String" else { return nil }
            index += 1
            if text(index) == "?" { index += 1 }
            return index
        }

        func collect(into findings: inout Findings) {
            for index in tokens.indices where tokens[index].kind == .name {
                let name = tokens[index].text
                let previous = text(index - 1), next = text(index + 1)
                let declared = ["func", "var", "let"].contains(previous ?? "")
                if name == "t", next == "(", !declared {
                    keys(in: expression(from: index + 2), into: &findings)
                } else if name == "text", next == "(", previous == ".", text(index - 2) == "strings" {
                    keys(in: expression(from: index + 2), into: &findings)
                } else if name == "problem", next == "(", !declared {
                    let first = expression(from: index + 2)
                    if text(first.upperBound) == "," { keys(in: expression(from: first.upperBound + 1), into: &findings) }
                } else if (name.hasSuffix("Key") && name != "forKey") || name == "missing", previous != "." {
                    if declared {
                        guard let after = afterStringType(index) else { continue }
                        if text(after) == "{" { keys(in: body(from: after), into: &findings) }
                        if text(after) == "=" { keys(in: expression(from: after + 1), into: &findings) }
                    } else if next == ":" || next == "=" {
                        keys(in: expression(from: index + 2), into: &findings)
                    } else if next == "(", name.first?.isUppercase == true {
                        keys(in: expression(from: index + 2, commas: false), into: &findings)
                    }
                }
            }
        }

        /// The key literals of a key position: not those compared or matched.
        func keys(in range: Range<Int>, into findings: inout Findings) {
            for index in range where tokens[index].kind == .string {
                let token = tokens[index]
                let previous = text(index - 1), next = text(index + 1)
                if ["==", "!="].contains(previous ?? "") || ["==", "!="].contains(next ?? "") || previous == "case" { continue }
                if next == ":", previous != "?" { continue }
                let place = "\(file):\(token.line)"
                if token.interpolated {
                    if isKeyShaped(token.text) { findings.computed.append("\(place): \"\(token.text)\" with interpolation") }
                } else if previous == "+" || next == "+" {
                    if isKeyShaped(token.text) { findings.computed.append("\(place): \"\(token.text)\" + ...") }
                } else if isKeyShaped(token.text) {
                    findings.used[token.text, default: []].append(place)
                }
            }
        }
    }
}
