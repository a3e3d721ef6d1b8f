//! The away-day deck: a project's presentations drawn as slides (SVG, from the same code as
//! the single-picture exports) and written as PowerPoint, PDF or a folder of pictures.

pub mod check;
pub mod layout;
pub mod slide;
pub mod table;
pub mod views;
pub mod words;
