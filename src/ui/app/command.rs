//! What a command is: a label, where it sits in the menus, its shortcuts, when it can run and
//! what it does. The menus, the keyboard, the shortcuts window and the command palette are all
//! drawn from one list of these ([`super::command_list::COMMANDS`]).

use super::OutcomeApp;
use egui::{KeyboardShortcut, ModifierNames, Ui};

/// The menu a command is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    /// File › Export.
    Export,
    Edit,
    View,
    Help,
    /// In no menu: the palette and the keyboard only.
    Hidden,
}

impl Menu {
    /// The path shown before a command's label in the palette and the shortcuts table.
    pub fn path(self) -> &'static str {
        match self {
            Menu::File => "File › ",
            Menu::Export => "File › Export › ",
            Menu::Edit => "Edit › ",
            Menu::View => "View › ",
            Menu::Help => "Help › ",
            Menu::Hidden => "",
        }
    }
}

/// What choosing a command does.
#[derive(Clone, Copy)]
pub enum Action {
    /// Run at once (from a menu, a shortcut or the palette).
    Run(fn(&mut OutcomeApp, &egui::Context)),
    /// Open a submenu drawn by the function (e.g. the recent files); menus only.
    Submenu(fn(&mut OutcomeApp, &mut Ui)),
}

/// How a command that is a choice shows in a menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// One of several (the views).
    Radio,
    /// On or off (the dark theme).
    Box,
}

/// One thing the user can ask the app to do.
#[derive(Clone, Copy)]
pub struct Command {
    /// Unique and stable, e.g. `"file.save"`.
    pub id: &'static str,
    /// As shown in the menu ("Save As…").
    pub label: &'static str,
    pub menu: Menu,
    /// Commands of one group sit together in their menu, separated from the next group.
    pub group: u8,
    /// The first is shown in menus; any of them runs the command.
    pub keys: &'static [KeyboardShortcut],
    /// Whether the shortcut works while a text field has the keyboard (undo does not: the
    /// field has its own).
    pub while_typing: bool,
    pub action: Action,
    /// Whether it can run now (greyed out in menus and the palette when not).
    pub enabled: Test,
    /// For a command that is a choice (a view, the theme): how it is shown and whether it
    /// is chosen.
    pub checked: Option<(Check, Test)>,
    /// A label that says more than `label` now ("Undo Edit title of R2").
    pub describe: Option<fn(&OutcomeApp) -> Option<String>>,
}

/// A question asked of the app (is it enabled, is it chosen).
pub type Test = fn(&OutcomeApp) -> bool;

fn always(_: &OutcomeApp) -> bool {
    true
}

impl Command {
    /// A command that runs `run`, enabled always, with no shortcut.
    pub const fn new(
        id: &'static str,
        label: &'static str,
        menu: Menu,
        group: u8,
        run: fn(&mut OutcomeApp, &egui::Context),
    ) -> Self {
        Command {
            id,
            label,
            menu,
            group,
            keys: &[],
            while_typing: true,
            action: Action::Run(run),
            enabled: always,
            checked: None,
            describe: None,
        }
    }

    /// A menu entry that opens a submenu.
    pub const fn submenu(
        id: &'static str,
        label: &'static str,
        menu: Menu,
        group: u8,
        draw: fn(&mut OutcomeApp, &mut Ui),
    ) -> Self {
        let mut c = Command::new(id, label, menu, group, |_, _| {});
        c.action = Action::Submenu(draw);
        c
    }

    pub const fn keys(mut self, keys: &'static [KeyboardShortcut]) -> Self {
        self.keys = keys;
        self
    }

    /// The shortcut is left to a text field that has the keyboard.
    pub const fn not_while_typing(mut self) -> Self {
        self.while_typing = false;
        self
    }

    pub const fn enabled_when(mut self, enabled: Test) -> Self {
        self.enabled = enabled;
        self
    }

    /// One of several choices, chosen when `checked` says so.
    pub const fn radio_when(mut self, checked: Test) -> Self {
        self.checked = Some((Check::Radio, checked));
        self
    }

    /// A choice that is on when `checked` says so.
    pub const fn checked_when(mut self, checked: Test) -> Self {
        self.checked = Some((Check::Box, checked));
        self
    }

    pub const fn described_by(mut self, describe: fn(&OutcomeApp) -> Option<String>) -> Self {
        self.describe = Some(describe);
        self
    }

    /// The label with its menu path ("File › Save As…").
    pub fn full_label(&self) -> String {
        format!("{}{}", self.menu.path(), self.label)
    }

    /// The shortcuts as written in the README ("Ctrl+Y or Ctrl+Shift+Z"), the same on every
    /// system (menus show the system's own names, ⌘ on a Mac).
    pub fn keys_text(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.format(&ModifierNames::NAMES, false))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// What the menu and the palette show: the live description, or the label.
    pub fn shown_label(&self, app: &OutcomeApp) -> String {
        self.describe
            .and_then(|d| d(app))
            .unwrap_or_else(|| self.label.to_string())
    }

    pub fn runs(&self) -> bool {
        matches!(self.action, Action::Run(_))
    }
}
