//! The code snippets of the README and of docs/install.md, for the tests that run them: each
//! test takes the snippet from the page itself, so neither can show something that is not tested.

/// The README's section with one snippet per kind of host.
pub const INSTALL: &str = "## Install";
/// docs/install.md's section with every option of the custom elements in use.
pub const OWN_ORIGIN: &str = "## Plain HTML on the page's own origin: every option in use";
/// docs/install.md's section on `mount()`.
pub const MOUNT: &str = "## JavaScript: `mount()`";

/// A page whose snippets the tests run.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    /// README.md.
    Readme,
    /// docs/install.md.
    Install,
}

impl Page {
    /// The page's path in the repository.
    pub fn path(self) -> &'static str {
        match self {
            Page::Readme => "README.md",
            Page::Install => "docs/install.md",
        }
    }

    /// The page's text.
    pub fn text(self) -> &'static str {
        match self {
            Page::Readme => include_str!("../../README.md"),
            Page::Install => include_str!("../../docs/install.md"),
        }
    }
}

/// One fenced code block of a page.
#[derive(Debug, Clone)]
pub struct Block {
    /// The headings it stands under, outermost first (`"## Install"`, …).
    pub headings: Vec<String>,
    /// The fence's language (`html` for ```` ```html ````).
    pub lang: String,
    /// Its lines, without the indentation of a list item.
    pub text: String,
}

/// Every fenced code block of `page`, in order.
pub fn blocks(page: Page) -> Vec<Block> {
    let mut headings: Vec<String> = Vec::new();
    let mut blocks = Vec::new();
    let mut open: Option<(String, usize, Vec<String>)> = None;
    for line in page.text().lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match &mut open {
            None => {
                let level = line.chars().take_while(|c| *c == '#').count();
                if level > 0 && line[level..].starts_with(' ') {
                    headings
                        .retain(|outer| outer.chars().take_while(|c| *c == '#').count() < level);
                    headings.push(line.to_owned());
                } else if let Some(lang) = trimmed.strip_prefix("```") {
                    open = Some((lang.to_owned(), indent, Vec::new()));
                }
            }
            Some(_) if trimmed == "```" => {
                let (lang, _, lines) = open.take().expect("a block is open");
                blocks.push(Block {
                    headings: headings.clone(),
                    lang,
                    text: lines.join("\n") + "\n",
                });
            }
            Some((_, indent, lines)) => {
                lines.push(line.get(*indent..).unwrap_or(trimmed).to_owned());
            }
        }
    }
    blocks
}

/// The code blocks fenced as ```` ```lang ```` in `page`'s section under `heading`.
pub fn snippets_in(page: Page, heading: &str, lang: &str) -> Vec<String> {
    let found: Vec<String> = blocks(page)
        .into_iter()
        .filter(|block| block.lang == lang && block.headings.iter().any(|h| h == heading))
        .map(|block| block.text)
        .collect();
    assert!(
        !found.is_empty(),
        "{} has no ```{lang} block under {heading:?}",
        page.path()
    );
    found
}

/// The one block fenced as ```` ```lang ```` in `page`'s section under `heading` that contains
/// `marker`.
pub fn snippet_in(page: Page, heading: &str, lang: &str, marker: &str) -> String {
    let found: Vec<String> = snippets_in(page, heading, lang)
        .into_iter()
        .filter(|block| block.contains(marker))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{} should have one ```{lang} block with {marker:?} under {heading:?}",
        page.path()
    );
    found.into_iter().next().unwrap()
}

/// The one block fenced as ```` ```lang ```` in the README's section under `heading` that
/// contains `marker`.
pub fn snippet(heading: &str, lang: &str, marker: &str) -> String {
    snippet_in(Page::Readme, heading, lang, marker)
}
