/// Accessible form parts: every input has a label, hints and errors are tied to it with
/// `aria-describedby`, invalid fields say so with `aria-invalid`, and an error summary at
/// the top links to each field (GOV.UK Design System pattern, WCAG 3.3.1).
public enum Form {
    /// One problem with one field.
    public struct FieldError: Sendable, Equatable {
        /// The input's `id`/`name`.
        public let field: String
        /// What is wrong, in the page's language.
        public let message: String

        /// An error about `field`.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The summary box listing every error (nothing when there are none).
    public static func errorSummary(_ errors: [FieldError], language: Language) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items = errors.map { error -> HTML in "<li><a href=\"#\(error.field)\">\(error.message)</a></li>" }
        return """
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">\(Text.errorSummaryTitle(language))</h2>
            <ul>\(items)</ul>
            </div>
            """
    }

    /// A labelled `<input>`; `value` is echoed back (never for passwords).
    public static func input(_ name: String, label: String, type: String = "text", value: String = "", hint: String? = nil,
                             errors: [FieldError], autocomplete: String? = nil, autofocus: Bool = false) -> HTML {
        let error = errors.first { $0.field == name }
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        let echoed = type == "password" ? "" : value
        var attributes: HTML = "type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(echoed)\""
        if let autocomplete { attributes = "\(attributes) autocomplete=\"\(autocomplete)\"" }
        if !describedBy.isEmpty { attributes = "\(attributes) aria-describedby=\"\(describedBy.joined(separator: " "))\"" }
        if error != nil { attributes = "\(attributes) aria-invalid=\"true\"" }
        if autofocus || (error != nil && errors.first?.field == name) { attributes = "\(attributes) autofocus" }
        return """
            <div class="field\(error == nil ? "" : " invalid")">
            <label for="\(name)">\(label)</label>
            \(hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" as HTML } ?? .empty)
            \(error.map { "<p class=\"error\" id=\"\(name)-error\">\($0.message)</p>" as HTML } ?? .empty)
            <input \(attributes)>
            </div>
            """
    }

    /// A labelled `<select>`.
    public static func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String?,
                              placeholder: String?, errors: [FieldError]) -> HTML {
        let error = errors.first { $0.field == name }
        let first: HTML = placeholder.map { "<option value=\"\">\($0)</option>" } ?? .empty
        let choices = options.map { option -> HTML in
            "<option value=\"\(option.value)\"\(option.value == selected ? " selected" : "")>\(option.label)</option>"
        }
        return """
            <div class="field\(error == nil ? "" : " invalid")">
            <label for="\(name)">\(label)</label>
            \(error.map { "<p class=\"error\" id=\"\(name)-error\">\($0.message)</p>" as HTML } ?? .empty)
            <select id="\(name)" name="\(name)"\(error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(name)-error\"")>\(first)\(choices)</select>
            </div>
            """
    }

    /// A checkbox, unticked unless `checked`.
    public static func checkbox(_ name: String, label: String, hint: String?, checked: Bool) -> HTML {
        """
        <div class="field checkbox">
        <input type="checkbox" id="\(name)" name="\(name)" value="yes"\(checked ? " checked" : "")\(hint == nil ? "" : " aria-describedby=\"\(name)-hint\"")>
        <label for="\(name)">\(label)</label>
        \(hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" as HTML } ?? .empty)
        </div>
        """
    }

    /// The hidden CSRF field every form carries.
    public static func csrf(_ token: String) -> HTML { "<input type=\"hidden\" name=\"csrf_token\" value=\"\(token)\">" }

    /// `value` percent-encoded for a query string (everything but RFC 3986 unreserved characters).
    public static func queryEncoded(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-._~".utf8.contains(byte) {
                out.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
