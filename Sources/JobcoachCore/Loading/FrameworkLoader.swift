import Foundation

/// Loads framework data files and checks them, alone and together. Used at server start (the
/// shipped files) and by `jobcoach frameworks validate` (any files).
public struct FrameworkLoader: Sendable {
    public let levels: QualificationLevelCatalog

    public init(levels: QualificationLevelCatalog) {
        self.levels = levels
    }

    /// Checks one file's text; `file` is the name used in messages.
    public func parse(yaml: String, file: String) -> Result<FrameworkVersion, FrameworkDataError> {
        var parser = FrameworkFileParser(file: file, levels: levels)
        return parser.parse(yaml: yaml)
    }

    /// Reads and checks files, then the rules that span files (one version name and one start day
    /// per framework version). Throws with every problem found.
    public func load(files: [URL], relativeTo base: URL? = nil) throws -> [FrameworkVersion] {
        var versions: [(FrameworkVersion, String)] = []
        var issues: [FrameworkDataIssue] = []
        for url in files.sorted(by: { $0.path < $1.path }) {
            let name = Self.displayName(of: url, relativeTo: base)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let yaml = String(data: data, encoding: .utf8) else {
                issues.append(FrameworkDataIssue(file: name, message: "cannot read the file as UTF-8 text"))
                continue
            }
            switch parse(yaml: yaml, file: name) {
            case .success(let version): versions.append((version, name))
            case .failure(let error): issues += error.issues
            }
        }
        issues += Self.crossFileIssues(versions)
        if !issues.isEmpty { throw FrameworkDataError(issues: issues) }
        return versions.map(\.0)
    }

    /// Every `*.yaml` below a folder.
    public func load(directory: URL) throws -> [FrameworkVersion] {
        try load(files: Self.yamlFiles(in: directory), relativeTo: directory)
    }

    public static func yamlFiles(in directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" }
    }

    private static func displayName(of url: URL, relativeTo base: URL?) -> String {
        guard let base else { return url.path }
        let prefix = base.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static func crossFileIssues(_ versions: [(FrameworkVersion, String)]) -> [FrameworkDataIssue] {
        var issues: [FrameworkDataIssue] = []
        let byFramework = Dictionary(grouping: versions, by: { $0.0.id })
        for (id, entries) in byFramework.sorted(by: { $0.key < $1.key }) {
            for (version, group) in Dictionary(grouping: entries, by: { $0.0.version }) where group.count > 1 {
                issues.append(FrameworkDataIssue(file: group[1].1, item: id,
                                                 message: "version '\(version)' is also in \(group[0].1)"))
            }
            for (day, group) in Dictionary(grouping: entries, by: { $0.0.effectiveFrom }) where group.count > 1 {
                issues.append(FrameworkDataIssue(file: group[1].1, item: id,
                                                 message: "another version (\(group[0].1)) is also in force from \(day)"))
            }
        }
        return issues
    }
}
