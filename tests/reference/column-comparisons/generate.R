# Reference values for crosstab's column-proportion comparisons: for each category of the row
# question and each pair of columns (categories of the column question), the difference of the
# two column proportions, its test and the Holm and Bonferroni adjustments over a row's pairs.
# - unweighted: the two-proportion z-test, R prop.test(correct = FALSE);
# - design-based: R svyttest(I(row == k) ~ col, subset(design, col %in% c(a, b))), whose
#   coefficient is the difference of the two domain proportions, with its design SE and
#   t on degf(design) - 1 df; the same on post-stratified and raked designs (R's SE from the
#   calibration residuals, degf of the subset) and on replicate-weight designs (the replicate
#   variance of the refitted difference, degf = rank of the subset's replicate weights - 1).
# R 4.2.2, survey 4.1-1. Run from the repository root:
#   Rscript tests/reference/column-comparisons/generate.R > tests/reference/column-comparisons/reference.json
suppressMessages(library(survey))

source("tests/reference/json.R")

api <- function(name) read.csv(file.path("tests/reference/r-survey-numeric", paste0(name, ".csv")))
replicate_data <- function(name) read.csv(file.path("tests/reference/r-survey-replicate", paste0(name, ".csv")))
oracle <- read.csv("tests/oracle/data/weighted_c_strat_cluster.csv")
# Population counts of the calibration margins (apipop, R survey's population of schools), as
# tests/reference/r-survey-raoscott/ uses them.
data(api)
stype_pop <- data.frame(stype = c("E", "H", "M"), Freq = as.vector(table(apipop$stype)[c("E", "H", "M")]))
awards_pop <- data.frame(awards = c("No", "Yes"), Freq = as.vector(table(apipop$awards)[c("No", "Yes")]))
set.seed(20261202)
boot_scale <- as.svrepdesign(svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = apistrat), type = "bootstrap", replicates = 50)$scale
designs <- list(
  c_strat_cluster = list(data = oracle, rows = "cat", cols = "group",
    design = function(d) svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = d)),
  apistrat = list(data = api("apistrat"), rows = "awards", cols = "stype",
    design = function(d) svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = d)),
  apiclus1 = list(data = api("apiclus1"), rows = "stype", cols = "awards",
    design = function(d) svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = d)),
  apistrat_poststratified = list(data = api("apistrat"), rows = "awards", cols = "stype",
    design = function(d) postStratify(svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = d), ~stype, stype_pop)),
  apiclus1_raked = list(data = api("apiclus1"), rows = "stype", cols = "awards",
    design = function(d) rake(svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = d), list(~stype, ~awards), list(stype_pop, awards_pop))),
  apiclus1_jk1 = list(data = replicate_data("apiclus1_jk1"), rows = "sch_wide", cols = "stype",
    design = function(d) svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "JK1", combined.weights = TRUE)),
  apistrat_bootstrap = list(data = replicate_data("apistrat_bootstrap"), rows = "awards", cols = "stype",
    design = function(d) svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "bootstrap", combined.weights = TRUE, scale = boot_scale)),
  c_unweighted = list(data = oracle, rows = "cat", cols = "group", design = NULL)
)

for (name in names(designs)) {
  s <- designs[[name]]
  d <- s$data
  rowLevels <- sort(unique(d[[s$rows]])); colLevels <- sort(unique(d[[s$cols]]))
  des <- if (is.null(s$design)) NULL else s$design(d)
  for (k in rowLevels) {
    pairs <- combn(seq_along(colLevels), 2)
    out <- list(a = character(0), b = character(0), difference = numeric(0), se = numeric(0), statistic = numeric(0), df = numeric(0), p = numeric(0))
    for (j in seq_len(ncol(pairs))) {
      a <- colLevels[pairs[1, j]]; b <- colLevels[pairs[2, j]]
      if (is.null(des)) {
        x <- c(sum(d[[s$cols]] == a & d[[s$rows]] == k), sum(d[[s$cols]] == b & d[[s$rows]] == k))
        n <- c(sum(d[[s$cols]] == a), sum(d[[s$cols]] == b))
        pt <- suppressWarnings(prop.test(x, n, correct = FALSE))
        pooled <- sum(x) / sum(n)
        se <- sqrt(pooled * (1 - pooled) * (1 / n[1] + 1 / n[2]))
        diff <- x[1] / n[1] - x[2] / n[2]
        out$statistic <- c(out$statistic, diff / se); out$df <- c(out$df, NA); out$p <- c(out$p, pt$p.value)
      } else {
        sub <- subset(des, d[[s$cols]] %in% c(a, b))
        f <- eval(bquote(I(.(as.name(s$rows)) == .(k)) ~ I(.(as.name(s$cols)) == .(a))))
        tt <- svyttest(f, sub)
        diff <- unname(tt$estimate); se <- unname(tt$estimate / tt$statistic)
        out$statistic <- c(out$statistic, unname(tt$statistic)); out$df <- c(out$df, unname(tt$parameter)); out$p <- c(out$p, tt$p.value)
      }
      out$a <- c(out$a, a); out$b <- c(out$b, b); out$difference <- c(out$difference, diff); out$se <- c(out$se, se)
    }
    cases <- c(cases, obj(data = sprintf('"%s"', name), rows = sprintf('"%s"', s$rows), cols = sprintf('"%s"', s$cols),
      category = sprintf('"%s"', k), a = str(out$a), b = str(out$b), difference = num(out$difference), se = num(out$se),
      statistic = num(out$statistic), df = num(out$df), pValue = num(out$p),
      holm = num(p.adjust(out$p, "holm")), bonferroni = num(p.adjust(out$p, "bonferroni"))))
  }
}
cat("[\n", paste(cases, collapse = ",\n"), "\n]\n", sep = "")
