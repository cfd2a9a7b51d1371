/// The statements of `SQLitePatronStore`, fixed texts so the connection caches them
/// compiled.
enum PatronSQL {
    static let columns = """
        mylibrary_id, username, username_normalized, email, email_normalized, password_hash, library_id,
        membership_reference, municipality, birth_date, gender, direct_marketing_opt_in, language, created_at,
        last_login_at, status
        """
    static let insertTombstone = "INSERT INTO used_mylibrary_ids (mylibrary_id) VALUES (?1)"
    static let insert = """
        INSERT INTO patrons (\(columns))
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
        """
    static let byID = "SELECT \(columns) FROM patrons WHERE mylibrary_id = ?1"
    static let byUsername = "SELECT \(columns) FROM patrons WHERE username_normalized = ?1"
    static let byEmail = "SELECT \(columns) FROM patrons WHERE email_normalized = ?1"
    static let byMembership = "SELECT \(columns) FROM patrons WHERE library_id = ?1 AND membership_reference = ?2"
    static let usernameExists = "SELECT 1 FROM patrons WHERE username_normalized = ?1"
    static let emailExists = "SELECT 1 FROM patrons WHERE email_normalized = ?1"
    static let membershipExists = "SELECT 1 FROM patrons WHERE library_id = ?1 AND membership_reference = ?2"
    static let tombstoneExists = "SELECT 1 FROM used_mylibrary_ids WHERE mylibrary_id = ?1"
    static let updateLastLogin = "UPDATE patrons SET last_login_at = ?2 WHERE mylibrary_id = ?1"
    static let updatePasswordHash = "UPDATE patrons SET password_hash = ?2 WHERE mylibrary_id = ?1"
    static let updateStatus = "UPDATE patrons SET status = ?2 WHERE mylibrary_id = ?1"
    static let delete = "DELETE FROM patrons WHERE mylibrary_id = ?1"
    // Overwrites the freed bytes of erased rows instead of leaving them in free pages.
    static let secureDelete = "PRAGMA secure_delete = ON"
}
