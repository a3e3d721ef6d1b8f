//! Mutations of corpus inputs: bytes flipped, set, inserted, deleted, copied within the
//! input, tokens of the formats inserted, and two inputs spliced together. A small
//! xorshift generator, so a seed always gives the same run.

/// xorshift64*: small, fast and good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Pieces of the project, CSV and period formats that random bytes rarely make.
const TOKENS: &[&str] = &[
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\n",
    "\r\n",
    "\\",
    "\\u{0}",
    "/*",
    "*/",
    "//",
    "Some(",
    "None",
    "true",
    "false",
    "-",
    "/",
    " ",
    "\t",
    ";",
    "\u{feff}",
    "\u{0}",
    "é",
    "ل",
    "文",
    "🙂",
    "1e400",
    "-0",
    "NaN",
    "inf",
    "18446744073709551616",
    "-9223372036854775809",
    "0x1F",
    "2024",
    "2024/25",
    "2024-03",
    "2024-03-31",
    "2024/25 Q4",
    "Q1",
    "1999/00",
    "9999",
    "0000",
    "31 Jan 2025",
    "29/02/2024",
    "period: ",
    "value: ",
    "source: ",
    "id: ",
    "format_version: ",
    "measures: [",
    "action_plans: [",
    "outcomes: [",
    "Red",
    "Amber",
    "Green",
    "Complete",
    "Not started",
    "Reference",
    "Title",
    "Progress",
    "2025-01-31: ",
    "\"\"",
    "r#\"",
    "\"#",
    "#![enable(implicit_some)]",
    "Illustrative",
    "Estimate",
];

/// `input` changed by one to four mutations; `other` is another corpus input to splice with.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        one(rng, &mut out, other);
    }
    out
}

fn one(rng: &mut Rng, out: &mut Vec<u8>, other: &[u8]) {
    let len = out.len();
    let at = rng.below(len + 1);
    match rng.below(9) {
        0 if len > 0 => {
            let i = rng.below(len);
            out[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            out[i] = interesting_byte(rng);
        }
        2 => {
            let n = 1 + rng.below(8);
            let bytes: Vec<u8> = (0..n).map(|_| interesting_byte(rng)).collect();
            out.splice(at..at, bytes);
        }
        3 | 4 => {
            let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
            out.splice(at..at, t.iter().copied());
        }
        5 if len > 0 => {
            let n = 1 + rng.below((len - at).clamp(1, 64));
            out.drain(at..(at + n).min(len));
        }
        6 if len > 0 => {
            // A piece of the input repeated where it is (lists grow, brackets nest).
            let from = rng.below(len);
            let n = 1 + rng.below((len - from).min(256));
            let piece = out[from..from + n].to_vec();
            let most = if rng.chance(5) { 200 } else { 3 };
            let times = 1 + rng.below(most);
            for _ in 0..times {
                out.splice(at..at, piece.iter().copied());
            }
        }
        7 if !other.is_empty() => {
            // The start of this input with the end of another.
            let cut = rng.below(other.len());
            out.truncate(at);
            out.extend_from_slice(&other[cut..]);
        }
        8 => replace_number(rng, out),
        _ => {}
    }
}

fn interesting_byte(rng: &mut Rng) -> u8 {
    const BYTES: &[u8] = b"\"()[],:\n\r\\/-0123456789 \t;#r\x00\xff\xc3\xe2";
    if rng.chance(70) {
        BYTES[rng.below(BYTES.len())]
    } else {
        rng.next() as u8
    }
}

/// A run of digits replaced by another number, often an extreme one.
fn replace_number(rng: &mut Rng, out: &mut Vec<u8>) {
    let starts: Vec<usize> = out
        .iter()
        .enumerate()
        .filter(|(i, b)| b.is_ascii_digit() && (*i == 0 || !out[i - 1].is_ascii_digit()))
        .map(|(i, _)| i)
        .take(4096)
        .collect();
    if starts.is_empty() {
        return;
    }
    let from = starts[rng.below(starts.len())];
    let to = from
        + out[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    const NUMBERS: &[&str] = &[
        "0",
        "1",
        "-1",
        "99",
        "100",
        "1000",
        "9999",
        "10000",
        "2147483648",
        "4294967296",
        "99999999999999999999",
        "1e308",
        "0.1",
        "00",
        "13",
        "31",
        "32",
        "29",
    ];
    let n = NUMBERS[rng.below(NUMBERS.len())];
    out.splice(from..to, n.bytes());
}
