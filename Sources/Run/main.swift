import App
import Foundation
import Logging
import Vapor

/// The `jobcoach` executable: Vapor's command line (serve, migrate) and the product's own commands.
@main
enum Entrypoint {
    static func main() async {
        do {
            var env = try Environment.detect()
            let (options, arguments) = LaunchOptions.extract(from: env.arguments)
            env.arguments = arguments
            try StructuredLogging.bootstrap(from: &env)
            let app = try await Application.make(env)
            do {
                try await configure(app, options: options)
                try await app.execute()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            let code = app.exitCode
            try await app.asyncShutdown()
            if code != 0 { Foundation.exit(code) }
        } catch let exit as ExitCode {
            Foundation.exit(exit.code)
        } catch {
            FileHandle.standardError.write(Data("jobcoach: \(error)\n".utf8))
            Foundation.exit(1)
        }
    }
}
