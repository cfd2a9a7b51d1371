extension PolicyDraft {
    /// `client_id`, `display_name`, `supplier`, `description`.
    mutating func readIdentity() {
        clientID = reader.string("client_id", required: true, rule: IdentifierRule.clientID.problem)
        displayName = reader.string("display_name", required: true, rule: TextRule.name.problem)
        supplier = reader.string("supplier", required: true, rule: TextRule.name.problem)
        description = reader.string("description", rule: TextRule.adminNote.problem)
    }
}
