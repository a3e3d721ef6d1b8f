//! Reading a plan CSV: the separator, the header's columns, the rows with their line
//! numbers, and the cells that hold dates and notes.

use super::ImportError;
use super::source::{MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROWS};
use crate::model::ProgressNote;
use crate::plan_table::{self, Column};
use chrono::NaiveDate;

const BOM: &str = "\u{feff}";
/// Ignored columns named in messages; the rest are counted.
const SHOWN_IGNORED: usize = 20;

/// The separators recognised, in the order they are tried: commas, semicolons (the default
/// of spreadsheets set to languages that write decimal commas, Polish and German among
/// them) and tabs.
pub const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// The name of a separator, for messages: "commas".
pub fn separator_name(sep: u8) -> &'static str {
    match sep {
        b';' => "semicolons",
        b'\t' => "tabs",
        _ => "commas",
    }
}

/// A file's table: what each column is, and its rows.
pub struct Table {
    pub separator: u8,
    /// The column each cell position holds (None: not recognised, ignored).
    pub columns: Vec<Option<Column>>,
    pub ignored: Vec<String>,
    pub rows: Vec<Row>,
}

/// One row of the file.
pub struct Row {
    /// The line of the file the row starts on (1 is the header).
    pub line: u64,
    pub cells: Result<Vec<String>, String>,
}

impl Table {
    /// The cell of `column` in `cells`, if the file has that column.
    pub fn get<'a>(&self, cells: &'a [String], column: Column) -> Option<&'a str> {
        self.columns
            .iter()
            .position(|c| *c == Some(column))
            .and_then(|i| cells.get(i))
            .map(String::as_str)
    }
}

/// The column a header cell names, in any case; a few other names that plans use are
/// accepted too.
fn column_named(h: &str) -> Option<Column> {
    Column::ALL.iter().copied().find(|c| {
        c.label().eq_ignore_ascii_case(h)
            || (*c == Column::Progress && h.eq_ignore_ascii_case("Progress"))
            || (*c == Column::Theme && h.eq_ignore_ascii_case("Priority"))
            || (*c == Column::Title && h.eq_ignore_ascii_case("Recommendation"))
    })
}

/// Read `bytes` as a plan CSV separated by commas, semicolons or tabs: whichever makes a
/// header with a "Reference" column (the most recognised columns if several do).
pub fn table(bytes: &[u8]) -> Result<Table, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ImportError::NotCsv(
            "it is not UTF-8 text (save it from the spreadsheet as “CSV UTF-8”)".into(),
        )
    })?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.contains('\0') {
        return Err(ImportError::NotCsv("it holds binary data".into()));
    }
    let mut best: Option<(usize, u8, csv::StringRecord)> = None;
    let mut first_error = None;
    for sep in SEPARATORS {
        match reader(text, sep).records().next() {
            Some(Ok(header)) => {
                let known = header.iter().filter(|h| column_named(h.trim()).is_some());
                let has_reference = header
                    .iter()
                    .any(|h| column_named(h.trim()) == Some(Column::Reference));
                let score = known.count();
                if has_reference && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                    best = Some((score, sep, header));
                }
            }
            Some(Err(e)) => {
                first_error.get_or_insert(e.to_string());
            }
            None => return Err(ImportError::Empty),
        }
    }
    let Some((_, separator, header)) = best else {
        if let Some(e) = first_error {
            return Err(ImportError::NotCsv(e));
        }
        let first_line = text.lines().next().unwrap_or("");
        let start: String = first_line.chars().take(60).collect();
        let more = if first_line.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        return Err(ImportError::NotCsv(format!(
            "its first line has no “Reference” column, whether read as separated by commas, \
             semicolons or tabs (it starts: {start}{more})"
        )));
    };
    if header.len() > MAX_COLUMNS {
        return Err(ImportError::NotCsv(format!(
            "its header has {} columns, more than the {MAX_COLUMNS} a plan CSV may have",
            header.len()
        )));
    }
    let mut ignored = Vec::new();
    let columns: Vec<Option<Column>> = header
        .iter()
        .map(|h| {
            let c = column_named(h.trim());
            if c.is_none() {
                ignored.push(h.trim().chars().take(60).collect());
            }
            c
        })
        .collect();
    if ignored.len() > SHOWN_IGNORED {
        let more = ignored.len() - SHOWN_IGNORED;
        ignored.truncate(SHOWN_IGNORED);
        ignored.push(format!("and {more} more"));
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for rec in reader(text, separator).records().skip(1) {
        if rows.len() == MAX_ROWS {
            return Err(ImportError::NotCsv(format!(
                "it has more than the {MAX_ROWS} rows a plan CSV may have"
            )));
        }
        let row = match rec {
            Ok(r) => Row {
                line: r.position().map_or(0, |p| lines.line_of(p.byte())),
                cells: match r.iter().map(str::len).max() {
                    Some(n) if n > MAX_CELL_BYTES => Err(format!(
                        "has a cell of {n} bytes, longer than the {MAX_CELL_BYTES} a cell may hold"
                    )),
                    _ => Ok(r.iter().map(str::to_string).collect()),
                },
            },
            Err(e) => Row {
                line: e.position().map_or(0, |p| lines.line_of(p.byte())),
                cells: Err(format!("cannot be read: {e}")),
            },
        };
        rows.push(row);
    }
    Ok(Table {
        separator,
        columns,
        ignored,
        rows,
    })
}

fn reader(text: &str, separator: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes())
}

/// Line numbers of byte offsets asked in increasing order, counted in one pass over the
/// text however many rows it has.
struct LineCounter<'a> {
    text: &'a [u8],
    /// Bytes before `at` hold `breaks` line breaks.
    at: usize,
    breaks: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            breaks: 0,
        }
    }

    /// The 1-based line on which the record at `byte` starts. The reader may place a
    /// record's start before the previous record's line break, so skip over it.
    fn line_of(&mut self, byte: u64) -> u64 {
        let rest = self.text;
        let mut b = (byte as usize).min(rest.len());
        while b < rest.len() && (rest[b] == b'\r' || rest[b] == b'\n') {
            if rest[b] == b'\n' {
                b += 1;
                break;
            }
            b += 1;
        }
        if b < self.at {
            // Asked out of order: count again from the start.
            (self.at, self.breaks) = (0, 0);
        }
        self.breaks += memchr::memchr_iter(b'\n', &rest[self.at..b]).count() as u64;
        self.at = b;
        1 + self.breaks
    }
}

/// A cell's non-blank lines (key actions are written one per line).
pub fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
}

/// A date cell: blank for none.
pub fn opt_date(v: &str) -> Result<Option<NaiveDate>, String> {
    if v.trim().is_empty() {
        Ok(None)
    } else {
        plan_table::parse_date(v).map(Some)
    }
}

/// Read a progress cell: each note starts on a line that begins with its date
/// (`2025-01-31: text`); lines that do not are the previous note's text continued, so a
/// note written over several lines comes back as it was.
pub fn parse_notes(cell: &str) -> Result<Vec<ProgressNote>, String> {
    let mut notes: Vec<ProgressNote> = Vec::new();
    // Lines end in \n, \r\n or a lone \r (older spreadsheets): all are line ends, so that no
    // \r stays in a note to come back different from its own export.
    let cell = cell.replace("\r\n", "\n").replace('\r', "\n");
    for line in cell.split('\n') {
        match parse_note(line) {
            Ok(n) => notes.push(n),
            Err(e) => match notes.last_mut() {
                Some(n) => {
                    n.text.push('\n');
                    n.text.push_str(line);
                }
                None if line.trim().is_empty() => {}
                None => return Err(e),
            },
        }
    }
    // Blank lines at the end of the cell, or between two notes, are spacing, not a note's
    // text: a note that kept them would lose them when it is exported last (a fuzz finding).
    for n in &mut notes {
        while let Some(i) = n.text.rfind('\n')
            && n.text[i + 1..].trim().is_empty()
        {
            n.text.truncate(i);
        }
    }
    Ok(notes)
}

fn parse_note(line: &str) -> Result<ProgressNote, String> {
    let (date, text) = line.split_once(':').ok_or_else(|| {
        let shown: String = line.chars().take(60).collect();
        format!("“{shown}” does not start with a date (write 2025-01-31: text)")
    })?;
    let date = plan_table::parse_date(date)?;
    let text = text.strip_prefix(' ').unwrap_or(text).to_string();
    Ok(ProgressNote { date, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lone carriage return ends a line as \n does; none stays in a note (a fuzz finding:
    /// "2025-03-01: e\r\r" imported as "e\r", then its own export came back as "e").
    #[test]
    fn carriage_returns_end_lines_and_stay_out_of_notes() {
        let notes = parse_notes("2025-03-01: e\r\r").unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "e");
        let notes = parse_notes("2025-03-01: a\rmore\r2025-04-01: b\r\n").unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].text, "a\nmore");
        assert_eq!(notes[1].text, "b");
    }

    #[test]
    fn semicolons_and_tabs_are_recognised() {
        // Each title holds the other separators.
        let files = [
            (",", "commas", "A; b\tc"),
            (";", "semicolons", "A, b\tc"),
            ("\t", "tabs", "A, b; c"),
        ];
        for (sep, name, title) in files {
            let text = format!("Reference{sep}Title{sep}Owner\nR1{sep}{title}{sep}Me\n");
            let t = table(text.as_bytes()).unwrap();
            assert_eq!(separator_name(t.separator), name);
            assert_eq!(t.columns.len(), 3);
            let cells = t.rows[0].cells.as_ref().unwrap();
            assert_eq!(t.get(cells, Column::Title), Some(title));
            assert_eq!(t.rows[0].line, 2);
        }
    }

    #[test]
    fn a_file_without_a_reference_column_says_what_it_starts_with() {
        let e = table("Ref;Title\nR1;A\n".as_bytes()).err().unwrap();
        let msg = e.to_string();
        assert!(msg.contains("no “Reference” column"), "{msg}");
        assert!(msg.contains("semicolons or tabs"), "{msg}");
        assert!(msg.contains("it starts: Ref;Title"), "{msg}");
        // A huge header is not repeated whole.
        let huge = format!("{}\nx\n", "H".repeat(100_000));
        assert!(table(huge.as_bytes()).err().unwrap().to_string().len() < 400);
    }

    #[test]
    fn notes_over_several_lines_and_padding() {
        let notes = parse_notes("2025-01-10: One\nmore\n2025-02-01: Two\n\n").unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].text, "One\nmore");
        assert_eq!(notes[1].text, "Two");
        assert!(parse_notes("no date here").is_err());
        // Blank lines between two notes are spacing too.
        let notes = parse_notes("2025-01-10: One\n\n\n2025-02-01: Two").unwrap();
        assert_eq!(notes[0].text, "One");
    }
}
