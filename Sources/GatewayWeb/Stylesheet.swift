/// The one stylesheet, served from `/static/gateway.css`: readable, high-contrast, visible
/// focus, no web fonts or images from anywhere else.
public enum Stylesheet {
    /// The CSS text.
    public static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f6f2}
        header{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1.25rem;background:#123f6d;color:#fff}
        header a{color:#fff}
        .brand{font-weight:700}
        main{max-width:36rem;margin:2rem auto;padding:0 1.25rem 3rem}
        h1{font-size:1.9rem;line-height:1.2}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:1rem;top:1rem;background:#ffdd00;color:#000;padding:.5rem;z-index:2}
        .field{margin:0 0 1.4rem}
        label{display:block;font-weight:600;margin-bottom:.25rem}
        .checkbox{display:grid;grid-template-columns:auto 1fr;gap:.25rem .6rem;align-items:start}
        .checkbox label{font-weight:400}
        .checkbox .hint{grid-column:2}
        input[type=text],input[type=email],input[type=password],select{width:100%;padding:.55rem;font:inherit;border:2px solid #1b1b1b;border-radius:0;background:#fff}
        input[type=checkbox]{width:1.5rem;height:1.5rem;margin:0}
        .hint{margin:0 0 .35rem;color:#505a5f;font-size:.95rem}
        .invalid{border-left:5px solid #b10e1e;padding-left:.9rem}
        .invalid input,.invalid select{border-color:#b10e1e}
        .error{margin:0 0 .35rem;color:#b10e1e;font-weight:700}
        .error-summary{border:5px solid #b10e1e;padding:1rem 1.25rem;margin-bottom:2rem;background:#fff}
        .error-summary h2{margin-top:0;font-size:1.3rem}
        .error-summary a{color:#b10e1e;font-weight:700}
        button{font:inherit;font-weight:700;padding:.6rem 1.4rem;border:0;background:#00703c;color:#fff;cursor:pointer;box-shadow:0 2px 0 #002d18}
        button.secondary{background:#505a5f}
        a{color:#1d70b8}
        :focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 5px #1b1b1b}
        .notice{background:#fff;border-left:5px solid #1d70b8;padding:1rem 1.25rem}
        """
}
