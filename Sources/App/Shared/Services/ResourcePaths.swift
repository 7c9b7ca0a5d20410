import Foundation

/// Where the App's shipped files are: templates, stylesheet, UI strings, the OpenAPI document.
enum ResourcePaths {
    static var root: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    static var views: URL { root.appendingPathComponent("Views") }
    static var publicFiles: URL { root.appendingPathComponent("Public") }
    static var strings: URL { root.appendingPathComponent("Localization/strings.yaml") }
    static var openAPI: URL { root.appendingPathComponent("openapi.yaml") }
}
