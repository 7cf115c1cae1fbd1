# R survey doing what `svyprop estimate --stream` does with a design codebook, run by
# commands.bench.ts as a whole process (so its wall time and peak RSS compare with
# `node dist/cli.js …` and duckdbJobs.mjs).
# Usage: Rscript rSurveyJob.R <file.csv> <codebook.json> [by]
#   reads the file with data.table::fread when data.table is installed, else read.csv, every
#   column as text (as DuckDB's all_varchar);
#   codes each question as the codebook says: answers trimmed, the codebook's missing values,
#   case-insensitive binaries (yes/no), single choice and Likert by value, multi-select options
#   split on the separator, a filter `{ question, equals }` (not asked unless the filter
#   question's code equals it);
#   builds svydesign(ids = ~cluster, strata = ~strata, weights = ~weights, nest = TRUE) from the
#   codebook's design columns;
#   estimates each category's proportion and SE with svymean in the question's domain (the rows
#   with a valid answer, as a subset of the design: R survey keeps the full design's PSU counts,
#   so this is svyby's domain estimate, the one svyprop matches); with `by` (a question id), in
#   each of that question's categories (`estimate --by`).
# Prints one line per category (and group): question, category, group code (empty without `by`),
# proportion, SE — tab-separated, 17 significant digits.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
codebook <- jsonlite::fromJSON(args[[2]], simplifyVector = FALSE)
d <- if (requireNamespace("data.table", quietly = TRUE)) {
  data.table::fread(args[[1]], colClasses = "character", na.strings = NULL, encoding = "UTF-8", showProgress = FALSE)
} else {
  read.csv(args[[1]], colClasses = "character", na.strings = character(0), check.names = FALSE, encoding = "UTF-8")
}
missing <- unlist(codebook$missing)
questions <- codebook$questions
names(questions) <- vapply(questions, function(q) q$id, "")

design_columns <- codebook$design
des <- svydesign(
  ids = ~cluster, strata = ~strata, weights = ~weights, nest = TRUE,
  data = data.frame(
    weights = as.numeric(d[[design_columns$weights]]),
    strata = d[[design_columns$strata]],
    cluster = d[[design_columns$cluster]]
  )
)

answers <- function(q) {
  raw <- trimws(d[[q$column]])
  raw[raw %in% missing] <- NA
  raw
}

# Raw values and the category code each one codes to.
value_codes <- function(q) {
  switch(q$type,
    binary = list(values = c(unlist(q$positive), unlist(q$negative)), codes = rep(c("yes", "no"), c(length(q$positive), length(q$negative)))),
    likert = list(values = unlist(q$levels), codes = unlist(q$levels)),
    single = list(
      values = unlist(lapply(q$categories, function(category) category$values)),
      codes = unlist(lapply(q$categories, function(category) rep(category$code, length(category$values))))
    ),
    stop("rSurveyJob.R codes binary, likert, single and multi questions, not ", q$type)
  )
}

# Category codes of a single-answer question, NA where missing, unmatched or not asked.
coded <- function(q) {
  fold <- if (isTRUE(q$caseInsensitive)) tolower else identity
  map <- value_codes(q)
  codes <- map$codes[match(fold(answers(q)), fold(map$values))]
  codes[!asked(q)] <- NA
  factor(codes, levels = unique(map$codes))
}

asked <- function(q) {
  filter <- q$filter
  if (is.null(filter)) return(rep(TRUE, nrow(d)))
  if (is.null(filter$equals)) stop("rSurveyJob.R reads filters of the form { question, equals }")
  by <- coded(questions[[filter$question]])
  !is.na(by) & by == filter$equals
}

# 0/1 columns of a question's categories (a multi-select's options), and the domain: its valid answers.
indicators <- function(q) {
  if (q$type != "multi") {
    codes <- coded(q)
    return(list(x = 1 * outer(as.integer(codes), seq_along(levels(codes)), "=="), codes = levels(codes), domain = !is.na(codes)))
  }
  raw <- answers(q)
  chosen <- strsplit(raw, q$separator, fixed = TRUE)
  options <- vapply(q$categories, function(category) category$code, "")
  x <- vapply(options, function(option) vapply(chosen, function(these) option %in% trimws(these), TRUE), logical(nrow(d)))
  list(x = 1 * x, codes = options, domain = !is.na(raw) & asked(q))
}

by <- if (length(args) >= 3) coded(questions[[args[[3]]]])
groups <- if (is.null(by)) "" else levels(by)
in_group <- if (is.null(by)) function(group) TRUE else function(group) !is.na(by) & by == group

for (q in questions) {
  coding <- indicators(q)
  for (group in groups) {
    domain <- coding$domain & in_group(group)
    m <- svymean(coding$x[domain, , drop = FALSE], des[domain, ])
    cat(sprintf("%s\t%s\t%s\t%.17g\t%.17g\n", q$id, coding$codes, group, coef(m), SE(m)), sep = "")
  }
}
