//! The README's code snippets, for the tests that run them: each test takes the snippet from
//! README.md itself, so the README cannot show something that is not tested.

/// The code blocks fenced as ```` ```lang ```` in the README section under `heading` (up to the
/// next heading of the same or a higher level), without the indentation of a list item.
pub fn snippets(heading: &str, lang: &str) -> Vec<String> {
    let readme = include_str!("../../README.md");
    let level = heading.chars().take_while(|c| *c == '#').count();
    let mut lines = readme.lines().skip_while(|line| *line != heading).skip(1);
    let mut blocks = Vec::new();
    let mut open: Option<(usize, Vec<String>)> = None;
    for line in lines.by_ref() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if open.is_none() {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            if hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
                break;
            }
            if trimmed == format!("```{lang}") {
                open = Some((indent, Vec::new()));
            }
        } else if trimmed == "```" {
            let (_, block) = open.take().expect("a block is open");
            blocks.push(block.join("\n") + "\n");
        } else if let Some((indent, block)) = &mut open {
            block.push(line.get(*indent..).unwrap_or(trimmed).to_owned());
        }
    }
    assert!(
        !blocks.is_empty(),
        "README.md has no ```{lang} block under {heading:?}"
    );
    blocks
}

/// The one block fenced as ```` ```lang ```` under `heading` that contains `marker`.
pub fn snippet(heading: &str, lang: &str, marker: &str) -> String {
    let found: Vec<String> = snippets(heading, lang)
        .into_iter()
        .filter(|block| block.contains(marker))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "README.md should have one ```{lang} block with {marker:?} under {heading:?}"
    );
    found.into_iter().next().unwrap()
}
