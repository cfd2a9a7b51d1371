import Foundation
import GatewayCore
import Testing

struct FixedClock: Clock {
    var instant = Instant(secondsSinceEpoch: 1_796_315_529.25)
    func now() -> Instant { instant }
    func monotonicSeconds() -> Double { 1 }
}

@Test func logLineIsOneJSONObjectWithEscapedStrings() throws {
    let sink = MemoryLogSink()
    let logger = Logger(sink: sink, clock: FixedClock())
    logger.info("request", ["route": "/a\"b\n\u{1}", "status": 200, "ok": .bool(true), "ms": .double(1.5)])
    let line = try #require(sink.lines.first)
    let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["ts"] as? String == "2026-12-03T16:32:09.250Z")
    #expect(object["level"] as? String == "info")
    #expect(object["event"] as? String == "request")
    #expect(object["route"] as? String == "/a\"b\n\u{1}")
    #expect(object["status"] as? Int == 200)
    #expect(object["ok"] as? Bool == true)
    #expect(object["ms"] as? Double == 1.5)
    #expect(!line.contains("\n"))
}

@Test func linesBelowTheMinimumLevelAreDropped() {
    let sink = MemoryLogSink()
    let logger = Logger(minimumLevel: .warning, sink: sink, clock: FixedClock())
    logger.info("quiet")
    logger.error("loud")
    #expect(sink.lines.count == 1)
    #expect(sink.lines[0].contains("\"loud\""))
}
