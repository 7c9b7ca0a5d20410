import Foundation
import Vapor

/// Turns an HTML page into a PDF. Behind a protocol so the app can say clearly when no renderer is
/// installed, and tests can run without one.
protocol PDFRenderer: Sendable {
    /// The PDF's bytes, or `PDFRendererError.unavailable` naming what to install.
    func pdf(html: String) async throws -> Data
}

enum PDFRendererError: Error, Equatable {
    case unavailable(String)
    case failed(String)
}

/// Headless Chromium from Debian's `chromium` package: it prints the page as the browser would,
/// with the print stylesheet. The HTML goes to a private temporary folder that is removed afterwards.
struct ChromiumPDFRenderer: PDFRenderer {
    var candidates: [String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let configured = environment["JOBCOACH_CHROMIUM"], !configured.isEmpty {
            candidates = [configured]
        } else {
            candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        }
    }

    var executable: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    func pdf(html: String) async throws -> Data {
        guard let executable else {
            throw PDFRendererError.unavailable("chromium")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobcoach-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page, options: .atomic)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                             "--print-to-pdf=\(output.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0, let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw PDFRendererError.failed("chromium exited with status \(status)")
        }
        return data
    }
}

extension Application {
    private struct PDFRendererKey: StorageKey { typealias Value = any PDFRenderer }

    var pdfRenderer: any PDFRenderer {
        get { storage[PDFRendererKey.self] ?? ChromiumPDFRenderer() }
        set { storage[PDFRendererKey.self] = newValue }
    }
}
