internal import CArgon2

/// Where Argon2id's buffers (19 MiB per hash by default) go once a hash is done.
public enum Argon2Memory {
    /// Fixes glibc's mmap threshold at its default of 128 KiB, for the whole process. Left
    /// dynamic, glibc raises the threshold to the size of the largest mmapped block freed so
    /// far — an Argon2id buffer — and its trim threshold to twice that; after that such
    /// buffers come from the heap, and freed heap memory up to ~38 MiB stays resident: one
    /// benchmark run kept 19 MB more (74 MB against 55 MB) after a single client-secret
    /// check. With the threshold fixed, every block of 128 KiB or more is a mapping of its
    /// own and goes back to the system when freed. Call it once, before serving.
    public static func returnBuffersToTheSystem() {
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    }
}
