//! Action plans to and from CSV for spreadsheets.
