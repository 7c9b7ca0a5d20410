/// `--name value` options of a command given as raw arguments.
struct CommandOptions {
    private(set) var values: [String: String] = [:]
    private(set) var unknown: [String] = []

    init(_ arguments: [String], known: Set<String>) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : ""
            if known.contains(name), index + 1 < arguments.count {
                values[name] = arguments[index + 1]
                index += 2
            } else {
                unknown.append(argument)
                index += 1
            }
        }
    }

    subscript(name: String) -> String? { values[name] }
}
