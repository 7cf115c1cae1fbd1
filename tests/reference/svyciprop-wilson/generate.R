# Reference values for svyciprop(method = "wilson"), which survey 4.5 added: its formula (survey
# 4.5, R/svyttest.R, the "wilson" branch of svyciprop) applied here to survey 4.1-1's svymean,
# since 4.1-1 (Debian bookworm's r-cran-survey) has no such method. Run from the repository root:
#   Rscript tests/reference/svyciprop-wilson/generate.R > tests/reference/svyciprop-wilson/reference.json
# Data: R survey's own API samples as tests/reference/r-survey-numeric/ and r-survey-replicate/
# (apiclus1 with its JK1 replicate weights) exported them, and the
# shared oracle's weighted CSVs (tests/oracle/data/). Numbers: 17 significant digits.
suppressMessages(library(survey))

# survey 4.5's "wilson" branch, word for word but for ci_df: 4.5 takes median(degf(m)) (the
# svymean's "df" attribute, which is degf(design)) unless df is given; 4.1-1's svymean has no
# such attribute, so degf(design) is used directly. (On a svyby group, 4.5's degf counts only the
# PSUs with rows in the group; 4.1-1's, used here and by svyprop, counts the design's.)
svyciprop_wilson <- function(formula, design, level = 0.95, df = degf(design), ...) {
  m <- eval(bquote(svymean(~as.numeric(.(formula[[2]])), design, ...)))
  n.eff <- coef(m) * (1 - coef(m)) / vcov(m)
  ci_df <- df
  alpha <- 1 - level
  t_alpha <- qt(p = alpha / 2, df = ci_df, ncp = 0, lower.tail = FALSE)
  the_denom <- 1 + t_alpha * t_alpha / n.eff
  the_sqrt <- sqrt(4 * n.eff * m * (1 - m) + t_alpha * t_alpha)
  ci <- c(
    (m + t_alpha * t_alpha / (2 * n.eff) - t_alpha / (2 * n.eff) * the_sqrt) / the_denom,
    (m + t_alpha * t_alpha / (2 * n.eff) + t_alpha / (2 * n.eff) * the_sqrt) / the_denom
  )
  rval <- coef(m)[1]
  attr(rval, "var") <- vcov(m)
  halfalpha <- (1 - level) / 2
  names(ci) <- paste(round(c(halfalpha, (1 - halfalpha)) * 100, 1), "%", sep = "")
  names(rval) <- paste(deparse(formula[[2]]), collapse = "")
  attr(rval, "ci") <- ci
  class(rval) <- "svyciprop"
  rval
}

source("tests/reference/json.R")

api <- function(name) read.csv(file.path("tests/reference/r-survey-numeric", paste0(name, ".csv")))
oracle <- function(name) read.csv(file.path("tests/oracle/data", paste0("weighted_", name, ".csv")))
apipop_stype <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
designs <- list(
  apisrs = function() svydesign(ids = ~1, weights = ~pw, fpc = ~fpc, data = api("apisrs")),
  apistrat = function() svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api("apistrat")),
  apiclus1 = function() svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = api("apiclus1")),
  apistrat_poststratified = function() postStratify(
    svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = api("apistrat")), ~stype, apipop_stype),
  apiclus1_jk1 = function() svrepdesign(data = read.csv("tests/reference/r-survey-replicate/apiclus1_jk1.csv"),
    repweights = "^rw[0-9]+$", weights = ~pw, type = "JK1", combined.weights = TRUE),
  c_strat_cluster = function() svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = oracle("c_strat_cluster"))
)
# question, category: awards (Yes) and school type E / H / M on the API samples; y1 and cat on the oracle's
targets <- list(
  api = list(list("awards", "Yes"), list("stype", "E"), list("stype", "H")),
  oracle = list(list("y1", "1"), list("cat", "A"))
)
for (name in names(designs)) {
  des <- designs[[name]]()
  for (target in targets[[if (name == "c_strat_cluster") "oracle" else "api"]]) {
    question <- target[[1]]; category <- target[[2]]
    f <- eval(bquote(~I(.(as.name(question)) == .(category))))
    for (level in c(0.95, 0.9)) {
      ci <- svyciprop_wilson(f, des, level = level)
      add(design = sprintf('"%s"', name), question = sprintf('"%s"', question), category = sprintf('"%s"', category),
          level = num(level), by = '""', groups = "[]",
          estimate = num(coef(ci)), lower = num(confint(ci)[1]), upper = num(confint(ci)[2]), degf = num(degf(des)))
    }
    if (question != "stype" && name != "c_strat_cluster") {
      b <- svyby(f, ~stype, des, svyciprop_wilson, vartype = "ci")
      add(design = sprintf('"%s"', name), question = sprintf('"%s"', question), category = sprintf('"%s"', category),
          level = num(0.95), by = '"stype"', groups = str(as.character(b$stype)),
          estimate = num(coef(b)), lower = num(b$ci_l), upper = num(b$ci_u), degf = num(degf(des)))
    }
  }
}
cat("[\n", paste(cases, collapse = ",\n"), "\n]\n", sep = "")
