/// The pending deliveries as a binary min-heap on (due time, arrival), bounded in size:
/// the worker always takes the delivery due soonest, so a retry scheduled for later never
/// stands in front of another application's first attempt.
struct BackchannelLogoutSchedule {
    private var heap: [BackchannelLogoutDelivery] = []
    private var nextSequence: UInt64 = 0
    /// Most deliveries held.
    let capacity: Int

    /// An empty schedule.
    init(capacity: Int) { self.capacity = capacity }

    /// Deliveries held.
    var count: Int { heap.count }

    /// When the soonest delivery is due, nil when empty.
    var nextDue: Double? { heap.first?.dueAt }

    /// Adds `delivery`; false (and nothing added) when the schedule is full.
    mutating func insert(_ delivery: BackchannelLogoutDelivery) -> Bool {
        guard heap.count < capacity else { return false }
        var delivery = delivery
        delivery.sequence = nextSequence
        nextSequence &+= 1
        heap.append(delivery)
        siftUp(from: heap.count - 1)
        return true
    }

    /// Removes and returns the soonest delivery if it is due at `now`.
    mutating func popDue(at now: Double) -> BackchannelLogoutDelivery? {
        guard let first = heap.first, first.dueAt <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(from: 0)
        }
        return first
    }

    /// Removes everything and returns how many deliveries there were.
    mutating func removeAll() -> Int {
        defer { heap.removeAll() }
        return heap.count
    }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        (heap[a].dueAt, heap[a].sequence) < (heap[b].dueAt, heap[b].sequence)
    }

    private mutating func siftUp(from index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(child, parent) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, precedes(left, smallest) { smallest = left }
            if right < heap.count, precedes(right, smallest) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
