"""What every bench/summarize_*.py shares: reading `key=value` fields, the PASS/FAIL words,
and replacing one "## " section of BENCHMARKS.md."""
import os


def parse_fields(parts):
    """{key: float, or the text when it is not a number} from `key=value` words (others ignored)."""
    out = {}
    for part in parts:
        if "=" in part:
            key, value = part.split("=", 1)
            try:
                out[key] = float(value)
            except ValueError:
                out[key] = value
    return out


def read_fields(path):
    return parse_fields(open(path).read().split())


def pct(share):
    return f"{share * 100:.0f} %"


def verdict(ok):
    return "PASS" if ok else "FAIL"


def replace_section(output, lines, prefix):
    """Writes lines as the section whose heading starts with prefix (up to the next "## "
    heading), appending it when there is none; a missing output file gets the section alone."""
    section = "\n".join(lines).rstrip("\n") + "\n"
    if not os.path.exists(output):
        with open(output, "w") as out:
            out.write(section)
        return
    old = open(output).read().split("\n")
    start = next((i for i, line in enumerate(old) if line.startswith(prefix)), None)
    if start is None:
        text = "\n".join(old).rstrip("\n") + "\n\n" + section
    else:
        end = next((i for i in range(start + 1, len(old)) if old[i].startswith("## ")), len(old))
        after = "\n".join(old[end:]).strip("\n")
        text = "\n".join(old[:start]).rstrip("\n") + "\n\n" + section + ("\n" + after + "\n" if after else "")
    with open(output, "w") as out:
        out.write(text.lstrip("\n"))
