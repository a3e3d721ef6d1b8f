//! Ids made from names: "Everyone can afford a decent home" gives `everyone-can-afford-a-decent-home`,
//! unique within its kind and accepted by [`crate::validate::id_problem`].

/// The longest id made from a name, in characters (ids stay readable in the file).
pub const MAX_ID: usize = 40;

/// A well-formed id from `name`: lower case, accents taken off Latin letters, words joined
/// by '-', cut at a word boundary within [`MAX_ID`]. Names in other scripts give no letters:
/// then `fallback` ("outcome") is used. Made unique against `taken` by adding "-2", "-3"…
pub fn id_from_name(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = slug(name);
    if base.is_empty() {
        base = slug(fallback);
    }
    if base.is_empty() {
        base = "item".into();
    }
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// The words of `name` in lower-case ASCII joined by '-', at most [`MAX_ID`] characters.
fn slug(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in name.chars() {
        match plain(c) {
            Some(p) => word.push_str(p),
            None if c == '\'' || c == '’' => {}
            None => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut out = String::new();
    for w in words {
        let extra = if out.is_empty() { w.len() } else { w.len() + 1 };
        if out.len() + extra > MAX_ID {
            if out.is_empty() {
                out = w.chars().take(MAX_ID).collect();
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

/// `c` as lower-case ASCII letters or digits, or None for anything else.
fn plain(c: char) -> Option<&'static str> {
    const ASCII: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let lower = c.to_lowercase().next().unwrap_or(c);
    if lower.is_ascii_alphanumeric() {
        let i = ASCII.find(lower).expect("ascii letter or digit");
        return Some(&ASCII[i..i + 1]);
    }
    Some(match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'œ' => "oe",
        'ś' | 'š' => "s",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::id_problem;

    fn free(_: &str) -> bool {
        false
    }

    #[test]
    fn names_become_readable_valid_ids() {
        let cases = [
            (
                "Everyone can afford a decent home",
                "everyone-can-afford-a-decent-home",
            ),
            ("Children & Young People", "children-young-people"),
            ("Residents' wellbeing", "residents-wellbeing"),
            ("Gwella iechyd ŵyr a wyresau", "gwella-iechyd-wyr-a-wyresau"),
            ("Żłobki dla każdego dziecka", "zlobki-dla-kazdego-dziecka"),
            ("2040: net zero", "2040-net-zero"),
        ];
        for (name, id) in cases {
            assert_eq!(id_from_name(name, "outcome", free), id);
            assert_eq!(id_problem(id), None);
        }
    }

    #[test]
    fn other_scripts_and_long_names_still_give_valid_ids() {
        let urdu = id_from_name("سب کے لیے مناسب گھر", "outcome", free);
        assert_eq!(urdu, "outcome");
        let chinese = id_from_name("人人有房", "voice", free);
        assert_eq!(chinese, "voice");
        let long =
            "An outcome whose name runs on for well over eighty characters so that it must be cut";
        let id = id_from_name(long, "outcome", free);
        assert!(id.len() <= MAX_ID, "{id}");
        assert!(!id.ends_with('-'), "{id}");
        assert_eq!(id_problem(&id), None);
        let one_word = id_from_name(&"x".repeat(90), "outcome", free);
        assert_eq!(one_word.len(), MAX_ID);
    }

    #[test]
    fn ids_are_unique_within_their_kind() {
        let taken = ["health", "health-2"];
        let id = id_from_name("Health", "priority", |id| taken.contains(&id));
        assert_eq!(id, "health-3");
    }
}
