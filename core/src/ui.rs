//! The names the markup and the browser code share: button actions, element ids, data
//! attributes and the results screens, as types rather than repeated string literals.
//!
//! The markup (in this crate) writes these names into HTML; the app (`src/`) and the results
//! module (`results/`) read them back from the DOM. Each side matches [`Action`] and
//! [`ResultsView`] exhaustively, so adding a button or a screen is a compile error until every
//! side has decided what it does with it, and a name the markup writes always parses (a native
//! test renders every screen and parses every `data-action` it finds).

use std::fmt;

/// What a button does. Written as `data-action="<as_str>"`; one click handler per module reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    // The survey and the app's own pieces, handled by the app.
    Start,
    Team,
    Back,
    Next,
    Results,
    Jump,
    EditAnswers,
    StartOver,
    KeepAnswers,
    ConfirmStartOver,
    StartOwn,
    Dismiss,
    ResultsRetry,
    // The results screens' controls, handled by the results module.
    Print,
    ExportJson,
    ExportCsv,
    CopyLink,
    /// Send the result to the facilitator: the share sheet, or copying where there is none.
    SendLink,
    TeamAnalyse,
    TeamPrint,
    TeamCsv,
    /// The team view's workshop: the handout, the pack and the ownership register.
    PrintHandout,
    PrintPack,
    RegisterCsv,
}

/// Which module carries out an action: the one whose markup the button sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handler {
    /// The survey app (`src/components/actions.rs`).
    App,
    /// The results module (`results/src/screen.rs`).
    Results,
}

impl Action {
    pub const ALL: [Action; 24] = [
        Action::Start,
        Action::Team,
        Action::Back,
        Action::Next,
        Action::Results,
        Action::Jump,
        Action::EditAnswers,
        Action::StartOver,
        Action::KeepAnswers,
        Action::ConfirmStartOver,
        Action::StartOwn,
        Action::Dismiss,
        Action::ResultsRetry,
        Action::Print,
        Action::ExportJson,
        Action::ExportCsv,
        Action::CopyLink,
        Action::SendLink,
        Action::TeamAnalyse,
        Action::TeamPrint,
        Action::TeamCsv,
        Action::PrintHandout,
        Action::PrintPack,
        Action::RegisterCsv,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Start => "start",
            Action::Team => "team",
            Action::Back => "back",
            Action::Next => "next",
            Action::Results => "results",
            Action::Jump => "jump",
            Action::EditAnswers => "edit-answers",
            Action::StartOver => "start-over",
            Action::KeepAnswers => "keep-answers",
            Action::ConfirmStartOver => "confirm-start-over",
            Action::StartOwn => "start-own",
            Action::Dismiss => "dismiss",
            Action::ResultsRetry => "results-retry",
            Action::Print => "print",
            Action::ExportJson => "export-json",
            Action::ExportCsv => "export-csv",
            Action::CopyLink => "copy-link",
            Action::SendLink => "send-link",
            Action::TeamAnalyse => "team-analyse",
            Action::TeamPrint => "team-print",
            Action::TeamCsv => "team-csv",
            Action::PrintHandout => "print-handout",
            Action::PrintPack => "print-pack",
            Action::RegisterCsv => "register-csv",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn handler(self) -> Handler {
        match self {
            Action::Start
            | Action::Team
            | Action::Back
            | Action::Next
            | Action::Results
            | Action::Jump
            | Action::EditAnswers
            | Action::StartOver
            | Action::KeepAnswers
            | Action::ConfirmStartOver
            | Action::StartOwn
            | Action::Dismiss
            | Action::ResultsRetry => Handler::App,
            Action::Print
            | Action::ExportJson
            | Action::ExportCsv
            | Action::CopyLink
            | Action::SendLink
            | Action::TeamAnalyse
            | Action::TeamPrint
            | Action::TeamCsv
            | Action::PrintHandout
            | Action::PrintPack
            | Action::RegisterCsv => Handler::Results,
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A screen the results module draws. The app names it when it asks the module to draw; the
/// module parses it and refuses (draws nothing, answers false) a name it does not know, rather
/// than guessing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResultsView {
    /// The person's own results (editable answers, share panel).
    Own,
    /// Someone else's result link, read-only.
    Shared,
    /// The facilitator's team view.
    Team,
    /// A team summary link, read-only.
    TeamSummary,
}

impl ResultsView {
    pub const ALL: [ResultsView; 4] =
        [ResultsView::Own, ResultsView::Shared, ResultsView::Team, ResultsView::TeamSummary];

    pub fn as_str(self) -> &'static str {
        match self {
            ResultsView::Own => "own",
            ResultsView::Shared => "shared",
            ResultsView::Team => "team",
            ResultsView::TeamSummary => "team_summary",
        }
    }

    pub fn parse(s: &str) -> Option<ResultsView> {
        ResultsView::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What the results module did when asked to draw a screen, sent back to the app as a number
/// (the boundary between the two modules carries no Rust types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Nothing drawn: the link does not decode, or the view is one the module does not know. The
    /// app shows its link error.
    LinkUnread,
    /// Drawn in the language asked for.
    Drawn,
    /// Drawn in English, because the language's text files could not be fetched or were refused.
    /// The app says so, in the language asked for, as it does when its own text is missing.
    InEnglish,
}

impl Shown {
    pub const ALL: [Shown; 3] = [Shown::LinkUnread, Shown::Drawn, Shown::InEnglish];

    pub fn code(self) -> u32 {
        self as u32
    }

    /// `None` for a number no release of the module sends (a module from another release).
    pub fn from_code(code: u32) -> Option<Shown> {
        Shown::ALL.get(code as usize).copied()
    }
}

/// What a print button prints: the results module sets it on the document element as
/// [`names::PRINT_ATTR`] before printing, and the print stylesheet shows only that part. Without
/// the attribute (the browser's own print command) the screen on show prints as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintMode {
    /// The report or the team view, as on screen.
    Screen,
    /// The one-page invitation handout.
    Handout,
    /// The workshop pack.
    Pack,
}

impl PrintMode {
    pub const ALL: [PrintMode; 3] = [PrintMode::Screen, PrintMode::Handout, PrintMode::Pack];

    pub fn as_str(self) -> &'static str {
        match self {
            PrintMode::Screen => "screen",
            PrintMode::Handout => "handout",
            PrintMode::Pack => "pack",
        }
    }
}

/// Element ids that code looks up (focus, text set in place, values read). Ids only the markup
/// uses (`aria-labelledby` targets inside one card) stay beside their markup.
pub mod ids {
    /// The element the app mounts on (index.html provides it; an embedder may too).
    pub const HOST: &str = "overlap";
    /// Every screen's heading: focus moves here after navigation.
    pub const TITLE: &str = "ov-title";
    /// The role screen's error, filled in place when Next is pressed without a role.
    pub const ROLE_ERROR: &str = "ov-role-error";
    /// The header's texts and language switch, updated in place on a change of language.
    pub const BRAND_TEXT: &str = "ov-brand-text";
    pub const LANG_LABEL: &str = "ov-lang-label";
    pub const LANG_SELECT: &str = "ov-lang-select";
    /// The element the results module draws into.
    pub const RESULTS_HOST: &str = "ov-results-host";
    /// The share panel's link field and its status line.
    pub const SHARE_LINK: &str = "ov-share-link";
    pub const COPY_STATUS: &str = "ov-copy-status";
    /// The email to the facilitator (when configured); its address follows the share level.
    pub const SEND_EMAIL: &str = "ov-send-email";
    /// The team view's boxes, and the place "combine" fills.
    pub const TEAM_LINKS: &str = "ov-team-links";
    pub const TEAM_BASELINE: &str = "ov-team-baseline";
    pub const TEAM_RESULT: &str = "ov-team-result";
    pub const TEAM_LINK: &str = "ov-team-link";
    pub const TEAM_FILE: &str = "ov-team-file";
}

/// Names of form controls and data attributes that code reads.
pub mod names {
    /// The role radios' name.
    pub const ROLE_INPUT: &str = "role";
    /// Answer radios are named `q:<answer key>`.
    pub const ANSWER_PREFIX: &str = "q:";
    /// The share level radios' name; their values are `full` and `summary`.
    pub const SHARE_LEVEL: &str = "ov-share-level";
    /// A button's action.
    pub const ACTION_ATTR: &str = "data-action";
    /// The review list's jump buttons: the section to open and the element to focus.
    pub const SECTION_ATTR: &str = "data-section";
    pub const TARGET_ATTR: &str = "data-target";
    /// The share link field carries both links; the level radios swap between them.
    pub const FULL_LINK_ATTR: &str = "data-full";
    pub const SUMMARY_LINK_ATTR: &str = "data-summary";
    /// The copy status line carries its messages: copied, copy by hand ...
    pub const COPIED_ATTR: &str = "data-copied";
    pub const MANUAL_ATTR: &str = "data-manual";
    /// ... and the one for a link copied because the browser has no share sheet.
    pub const SENT_COPIED_ATTR: &str = "data-sent-copied";
    /// The share sheet's title and text, carried by the send button.
    pub const SHARE_TITLE_ATTR: &str = "data-share-title";
    pub const SHARE_TEXT_ATTR: &str = "data-share-text";
    /// On the document element while printing: a [`super::PrintMode`].
    pub const PRINT_ATTR: &str = "data-print";
}

#[cfg(test)]
mod tests;
