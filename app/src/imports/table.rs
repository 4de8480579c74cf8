//! Reading an uploaded CSV: the encoding, the header and the rows, with a message for every
//! way a spreadsheet export goes wrong. Pure, so each refusal is unit-tested.

use std::collections::HashMap;

/// The most rows one file may hold: a region's staff list, with room to spare.
pub const MAX_ROWS: usize = 20_000;
/// The largest file accepted, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// A column a kind of import knows: its name in the header, and whether it must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    pub help: &'static str,
}

/// One data row: its line in the file (the header is line 1) and its cells by column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    cells: HashMap<&'static str, String>,
}

impl Row {
    /// The trimmed cell, or "" when the column is not in the file.
    pub fn get(&self, column: &str) -> &str {
        self.cells.get(column).map(|v| v.trim()).unwrap_or("")
    }

    pub fn has(&self, column: &str) -> bool {
        self.cells.contains_key(column)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Row>,
}

/// The text of an upload, or why it cannot be read. Spreadsheets save CSV with a byte order
/// mark, or in a legacy code page; only UTF-8 is accepted, so no name is quietly garbled.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "The file is larger than {} MB. Split it into smaller files.",
            MAX_BYTES / 1024 / 1024
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            "The file is saved as UTF-16. Save it as \"CSV UTF-8\" and upload it again.".into(),
        );
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains('\0') => Err("The file is not a CSV text file.".into()),
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            Err(format!(
                "The file is not UTF-8 text (the first problem is on line {line}). In Excel, \
                 choose Save As, then \"CSV UTF-8 (Comma delimited)\", and upload it again."
            ))
        }
    }
}

/// "Line manager email" and "line_manager_email" name the same column.
fn normalise(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// Parses the text against the columns a kind of import knows.
pub fn parse(text: &str, known: &[Column]) -> Result<Table, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("The header row could not be read: {}", plain(&e, &|_| 1)))?
        .clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err("The file is empty. The first line must name the columns.".into());
    }
    let mut columns: Vec<&'static str> = Vec::new();
    let mut unknown = Vec::new();
    for header in headers.iter() {
        let name = normalise(header);
        match known.iter().find(|c| c.name == name) {
            Some(column) if columns.contains(&column.name) => {
                return Err(format!(
                    "The column \"{}\" appears twice in the header.",
                    column.name
                ));
            }
            Some(column) => columns.push(column.name),
            None => unknown.push(header.trim().to_string()),
        }
    }
    if !unknown.is_empty() {
        return Err(format!(
            "The header has columns this import does not know: {}. The columns are: {}.",
            unknown
                .iter()
                .map(|u| format!("\"{u}\""))
                .collect::<Vec<_>>()
                .join(", "),
            known.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
        ));
    }
    let missing: Vec<&str> = known
        .iter()
        .filter(|c| c.required && !columns.contains(&c.name))
        .map(|c| c.name)
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "The header is missing {}: {}. Check the first line of the file.",
            if missing.len() == 1 {
                "a column"
            } else {
                "columns"
            },
            missing.join(", ")
        ));
    }
    // The reader does not count the blank lines it skips, so lines are found from byte offsets.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    // A record's position can point at the blank lines before it.
    let line_of = |byte: usize| {
        let skipped = text.as_bytes()[byte.min(text.len())..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        line_starts.partition_point(|start| *start <= byte + skipped)
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| plain(&e, &line_of))?;
        let line = record
            .position()
            .map(|p| line_of(p.byte() as usize))
            .unwrap_or(rows.len() + 2);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(format!(
                "The file has more than {MAX_ROWS} rows. Split it into smaller files."
            ));
        }
        let cells = columns
            .iter()
            .zip(record.iter())
            .map(|(column, cell)| (*column, cell.to_string()))
            .collect();
        rows.push(Row { line, cells });
    }
    if rows.is_empty() {
        return Err("The file has a header but no rows.".into());
    }
    Ok(Table { columns, rows })
}

fn plain(error: &csv::Error, line_of: &dyn Fn(usize) -> usize) -> String {
    let line = |pos: &Option<csv::Position>| {
        pos.as_ref()
            .map(|p| line_of(p.byte() as usize))
            .unwrap_or(0)
    };
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => format!(
            "Line {} has {len} cells but the header has {expected_len}. Check for a stray comma or a missing quote.",
            line(pos)
        ),
        csv::ErrorKind::Utf8 { pos, .. } => format!("Line {} is not UTF-8 text.", line(pos)),
        _ => "The file could not be read as CSV.".into(),
    }
}

/// Lines on which the same key appears more than once, by key.
pub fn duplicates<'a>(
    keys: impl IntoIterator<Item = (usize, String)>,
) -> HashMap<String, Vec<usize>> {
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (line, key) in keys {
        if !key.is_empty() {
            seen.entry(key).or_default().push(line);
        }
    }
    seen.retain(|_, lines| lines.len() > 1);
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column {
            name: "email",
            required: true,
            help: "",
        },
        Column {
            name: "name",
            required: true,
            help: "",
        },
        Column {
            name: "job_title",
            required: false,
            help: "",
        },
    ];

    #[test]
    fn a_byte_order_mark_is_dropped_and_other_encodings_refused() {
        assert_eq!(decode(b"\xEF\xBB\xBFemail,name\n").unwrap(), "email,name\n");
        let latin1 = b"email,name\na@b.test,Ren\xE9e\n";
        let problem = decode(latin1).unwrap_err();
        assert!(
            problem.contains("not UTF-8") && problem.contains("line 2"),
            "{problem}"
        );
        assert!(decode(b"\xFF\xFEe\0m\0").unwrap_err().contains("UTF-16"));
        assert!(
            decode(&vec![b'a'; MAX_BYTES + 1])
                .unwrap_err()
                .contains("larger")
        );
    }

    #[test]
    fn headers_are_matched_loosely_and_checked_strictly() {
        let table = parse(
            "Email, Name ,Job title\na@b.test,Amira,Social Worker\n",
            COLUMNS,
        )
        .unwrap();
        assert_eq!(table.columns, ["email", "name", "job_title"]);
        assert_eq!(table.rows[0].get("job_title"), "Social Worker");
        assert_eq!(table.rows[0].line, 2);
        let missing = parse("email\na@b.test\n", COLUMNS).unwrap_err();
        assert!(missing.contains("missing a column: name"), "{missing}");
        let unknown = parse("email,name,shoe size\na,b,9\n", COLUMNS).unwrap_err();
        assert!(unknown.contains("\"shoe size\""), "{unknown}");
        assert!(
            parse("email,email,name\n", COLUMNS)
                .unwrap_err()
                .contains("twice")
        );
    }

    #[test]
    fn ragged_rows_and_empty_files_are_refused_with_the_line() {
        let ragged = parse("email,name\na@b.test,Amira\nc@d.test\n", COLUMNS).unwrap_err();
        assert!(
            ragged.contains("Line 3 has 1 cells but the header has 2"),
            "{ragged}"
        );
        assert!(parse("", COLUMNS).unwrap_err().contains("empty"));
        assert!(
            parse("email,name\n\n,\n", COLUMNS)
                .unwrap_err()
                .contains("no rows")
        );
    }

    #[test]
    fn quoted_cells_keep_their_commas_and_blank_lines_are_skipped() {
        let table = parse(
            "email,name\n\"a@b.test\",\"Khan, Amira\"\n\nc@d.test,Ben\n",
            COLUMNS,
        )
        .unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].get("name"), "Khan, Amira");
        assert_eq!(table.rows[1].line, 4);
        assert!(!table.rows[1].has("job_title"));
    }

    #[test]
    fn duplicate_keys_report_every_line() {
        let found = duplicates([
            (2, "a".into()),
            (3, "b".into()),
            (5, "a".into()),
            (6, "".into()),
            (7, "".into()),
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(found["a"], vec![2, 5]);
    }
}
