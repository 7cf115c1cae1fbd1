# Reference values for svyprop's numeric summaries (estimateMean, estimateTotal, estimateQuantiles)
# from R survey itself, on R survey's own example data (the California API samples, `data(api)`).
# Run from the repository root:
#   apt-get install r-cran-survey          # Debian bookworm: R 4.2.2, survey 4.1-1
#   Rscript tests/reference/r-survey-numeric/generate.R > tests/reference/r-survey-numeric/reference.json
# It also writes the three samples it uses as CSV beside itself (apisrs.csv, apistrat.csv,
# apiclus1.csv), with acs.k3 renamed acs_k3 (missing values left empty). Numbers: 17 digits.
suppressMessages(library(survey))
data(api)
here <- "tests/reference/r-survey-numeric"

source("tests/reference/json.R")

columns <- c("snum", "stype", "dnum", "pw", "fpc", "api00", "enroll", "acs.k3", "awards")
# Written with 17 significant digits and read back, so R and svyprop read the same numbers.
export <- function(d, name) {
  out <- d[, columns]
  names(out)[names(out) == "acs.k3"] <- "acs_k3"
  out$pw <- sprintf("%.17g", out$pw)
  path <- file.path(here, paste0(name, ".csv"))
  write.csv(out, path, row.names = FALSE, na = "")
  read.csv(path)
}
samples <- list(apisrs = export(apisrs, "apisrs"), apistrat = export(apistrat, "apistrat"), apiclus1 = export(apiclus1, "apiclus1"))
designs <- list(
  apisrs = function(d) svydesign(ids = ~1, weights = ~pw, fpc = ~fpc, data = d),
  apistrat = function(d) svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = d),
  apiclus1 = function(d) svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = d),
  # Post-stratified on school type to the population counts of apipop.
  apistrat_poststratified = function(d) postStratify(
    svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = d), ~stype,
    data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)))
)
data_of <- c(apisrs = "apisrs", apistrat = "apistrat", apiclus1 = "apiclus1", apistrat_poststratified = "apistrat")
quantiles <- c(0.1, 0.25, 0.5, 0.75, 0.9)

for (name in names(designs)) {
  des <- designs[[name]](samples[[data_of[[name]]]])
  df <- degf(des)
  for (y in c("api00", "enroll", "acs_k3")) {
    f <- as.formula(paste0("~", y))
    m <- svymean(f, des, na.rm = TRUE); mci <- confint(m, df = df)
    t <- svytotal(f, des, na.rm = TRUE); tci <- confint(t, df = df)
    q <- svyquantile(f, des, quantiles, ci = TRUE, na.rm = TRUE)[[1]]
    add(design = sprintf('"%s"', name), data = sprintf('"%s"', data_of[[name]]), variable = sprintf('"%s"', y), degf = num(df),
        mean = num(coef(m)), mean_se = num(SE(m)), mean_lower = num(mci[1]), mean_upper = num(mci[2]),
        total = num(coef(t)), total_se = num(SE(t)), total_lower = num(tci[1]), total_upper = num(tci[2]),
        quantiles = num(quantiles), quantile = num(q[, 1]), quantile_lower = num(q[, 2]), quantile_upper = num(q[, 3]),
        quantile_se = num(q[, 4]),
        n = num(sum(!is.na(samples[[data_of[[name]]]][[y]]))))
    # By award status: every group a domain of the whole design.
    b <- svyby(f, ~awards, des, svymean, na.rm = TRUE); bci <- confint(b, df = df)
    groups <- as.character(b$awards)
    bq <- lapply(groups, function(g) svyquantile(f, subset(des, awards == g), quantiles, ci = TRUE, na.rm = TRUE)[[1]])
    add(design = sprintf('"%s"', name), data = sprintf('"%s"', data_of[[name]]), variable = sprintf('"%s"', y), by = '"awards"',
        degf = num(df), groups = str(groups),
        mean = num(coef(b)), mean_se = num(SE(b)), mean_lower = num(bci[, 1]), mean_upper = num(bci[, 2]),
        quantiles = num(quantiles),
        quantile = num(unlist(lapply(bq, function(x) x[, 1]))), quantile_lower = num(unlist(lapply(bq, function(x) x[, 2]))),
        quantile_upper = num(unlist(lapply(bq, function(x) x[, 3]))), quantile_se = num(unlist(lapply(bq, function(x) x[, 4]))))
  }
}

cat(sprintf('{"generator":"tests/reference/r-survey-numeric/generate.R","r":"%s","survey":"%s","cases":[\n%s\n]}\n',
  R.version.string, as.character(packageVersion("survey")), paste(cases, collapse = ",\n")))
