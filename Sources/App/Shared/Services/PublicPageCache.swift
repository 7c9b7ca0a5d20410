import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Rendered public pages for visitors who are not signed in. Such a page depends only on its URL, the
/// language and the day (which framework version is in force), and the standard cannot change while
/// the server runs; so it is rendered once, not on every request. Signed-in users always get a fresh
/// render (their pages carry their name and a CSRF token). Bounded: when full, it starts again.
final class PublicPageCache: Sendable {
    private let pages = NIOLockedValueBox<[String: ByteBuffer]>([:])
    let capacity: Int

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    func page(for key: String) -> ByteBuffer? {
        pages.withLockedValue { $0[key] }
    }

    func store(_ body: ByteBuffer, for key: String) {
        pages.withLockedValue { pages in
            if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = body
        }
    }

    var count: Int { pages.withLockedValue { $0.count } }
}

extension Application {
    private struct PublicPageCacheKey: StorageKey { typealias Value = PublicPageCache }

    var publicPages: PublicPageCache {
        get {
            if let cache = storage[PublicPageCacheKey.self] { return cache }
            let cache = PublicPageCache()
            storage[PublicPageCacheKey.self] = cache
            return cache
        }
        set { storage[PublicPageCacheKey.self] = newValue }
    }
}

extension Request {
    /// A public page, from the cache when the visitor is not signed in.
    func publicPage(_ render: () async throws -> Response) async throws -> Response {
        guard !auth.has(User.self) else { return try await render() }
        let key = "\(language.rawValue)|\(today)|\(url.string)"
        if let body = application.publicPages.page(for: key) {
            let response = Response(status: .ok, body: .init(buffer: body))
            response.headers.contentType = .html
            return response
        }
        let response = try await render()
        if response.status == .ok, let body = response.body.buffer {
            application.publicPages.store(body, for: key)
        }
        return response
    }
}
