import GatewayCore
import GatewayCrypto
import GatewayDemoApp
import Testing

@Suite struct DemoSessionStoreTests {
    @Test func pendingLoginIsTakenOnlyOnce() {
        let store = DemoSessionStore(maximumSessions: 10, idleSeconds: 60, clock: SystemClock(), random: SecureRandom())
        var session = store.create()
        session.pendingLogin = PendingLogin(random: SecureRandom(), startedAt: 0)
        store.update(session)
        #expect(store.takePendingLogin(session.id) == session.pendingLogin)
        #expect(store.takePendingLogin(session.id) == nil)
    }

    @Test func idleSessionsExpire() {
        let clock = SteppingClock(step: 40)
        let store = DemoSessionStore(maximumSessions: 10, idleSeconds: 60, clock: clock, random: SecureRandom())
        let session = store.create()
        #expect(store.session(session.id) != nil)  // 40 s later
        clock.advance(100)
        #expect(store.session(session.id) == nil)
    }

    @Test func sessionStoreIsBoundedAndEvictsTheLeastRecentlyUsed() {
        let store = DemoSessionStore(maximumSessions: 3, idleSeconds: 3600, clock: SteppingClock(), random: SecureRandom())
        let first = store.create()
        let others = (0..<2).map { _ in store.create() }
        _ = store.session(first.id)  // used again: now the most recent
        let fourth = store.create()
        #expect(store.count == 3)
        #expect(store.session(first.id) != nil && store.session(fourth.id) != nil)
        #expect(store.session(others[0].id) == nil)
    }
}
