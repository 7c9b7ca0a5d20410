/// Which framework version a trajectory follows: the process framework's version in force on the
/// day it starts. It must describe the process tasks 0 to 7, each with indicators.
public enum ProcessFramework {
    /// The profile whose process tasks trajectories follow unless an organisation chooses another.
    public static let defaultID = "register-jobcoach"

    /// The version in force on a day, or nil when there is none or it lacks a process task.
    public static func version(_ id: String = defaultID, on day: CalendarDate, in catalog: FrameworkCatalog) -> FrameworkVersion? {
        guard let version = catalog.version(id, on: day), problems(in: version).isEmpty else { return nil }
        return version
    }

    /// What keeps a version from driving trajectories: missing tasks or tasks without indicators.
    public static func problems(in version: FrameworkVersion) -> [String] {
        (0...7).compactMap { number in
            guard let task = version.task(number: number) else {
                return "\(version.id) \(version.version) has no process task \(number)"
            }
            return task.indicators.isEmpty ? "\(version.id) \(version.version): task \(number) has no indicators" : nil
        }
    }

    /// Frameworks that can drive trajectories (every version has tasks 0-7).
    public static func candidates(in catalog: FrameworkCatalog) -> [String] {
        catalog.ids.filter { id in
            let versions = catalog.versions(of: id)
            return !versions.isEmpty && versions.allSatisfy { problems(in: $0).isEmpty }
        }
    }
}
