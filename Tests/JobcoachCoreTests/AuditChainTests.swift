import Testing
@testable import JobcoachCore

@Suite struct AuditChainTests {
    func chain(_ count: Int) -> [(AuditRecord, String)] {
        var previous = AuditChain.genesisHash
        return (1...count).map { index in
            let record = AuditRecord(sequence: Int64(index), occurredAt: "2026-11-22T10:00:0\(index % 10).000Z",
                                     actor: "user:\(index)", action: "login", subject: "", details: "{}",
                                     previousHash: previous)
            previous = AuditChain.hash(record)
            return (record, previous)
        }
    }

    func verify(_ entries: [(AuditRecord, String)]) -> AuditChainBreak? {
        var verifier = AuditChainVerifier()
        for (record, hash) in entries {
            if let broken = verifier.check(record, storedHash: hash) { return broken }
        }
        return nil
    }

    @Test func anIntactChainVerifies() {
        #expect(verify(chain(5)) == nil)
        #expect(AuditChain.hash(chain(1)[0].0) == chain(1)[0].1)
        #expect(chain(1)[0].1.count == 64)
    }

    @Test func aChangedEntryIsFound() {
        var entries = chain(5)
        entries[2].0.actor = "someone else"
        #expect(verify(entries)?.sequence == 3)
        #expect(verify(entries)?.reason.contains("changed") == true)
    }

    @Test func aRemovedEntryIsFound() {
        var entries = chain(5)
        entries.remove(at: 1)
        #expect(verify(entries)?.sequence == 3)
        #expect(verify(entries)?.reason.contains("entry 2 is missing") == true)
    }

    @Test func aRewrittenEntryWithAFreshHashBreaksTheNextLink() {
        var entries = chain(5)
        entries[1].0.details = "{\"forged\":\"yes\"}"
        entries[1].1 = AuditChain.hash(entries[1].0)
        #expect(verify(entries)?.sequence == 3)
        #expect(verify(entries)?.reason.contains("does not link") == true)
    }

    @Test func fieldBoundariesCannotBeShifted() {
        let a = AuditRecord(sequence: 1, occurredAt: "t", actor: "ab", action: "c", subject: "", details: "", previousHash: "")
        let b = AuditRecord(sequence: 1, occurredAt: "t", actor: "a", action: "bc", subject: "", details: "", previousHash: "")
        #expect(AuditChain.hash(a) != AuditChain.hash(b))
    }
}
