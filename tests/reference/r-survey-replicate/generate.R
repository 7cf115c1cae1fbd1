# Reference values for svyprop's replicate-weight designs (codebook `design.replicates`) from
# R survey itself (R 4.2.2, survey 4.1-1), on R survey's example data: the California API samples
# (`data(api)`) turned into JK1, JKn and bootstrap designs, and the `scd` data with the BRR and Fay
# replicates of ?svrepdesign. Run from the repository root:
#   apt-get install r-cran-survey
#   Rscript tests/reference/r-survey-replicate/generate.R > tests/reference/r-survey-replicate/reference.json
# It writes each sample with its full-sample (pw) and replicate (rw1 … rwR) analysis weights as CSV
# beside itself, with 17 significant digits, and reads it back: R and svyprop use the same numbers.
suppressMessages(library(survey))
data(api)
data(scd)
here <- "tests/reference/r-survey-replicate"

source("tests/reference/json.R")

# The sample's variables, its full-sample weights and its replicate analysis weights, written and read back.
export <- function(variables, pw, repweights, name) {
  out <- variables
  out$pw <- sprintf("%.17g", pw)
  for (r in seq_len(ncol(repweights))) out[[paste0("rw", r)]] <- sprintf("%.17g", repweights[, r])
  path <- file.path(here, paste0(name, ".csv"))
  write.csv(out, path, row.names = FALSE, na = "")
  read.csv(path)
}
api_columns <- function(d) {
  out <- d[, c("stype", "sch.wide", "awards", "api00", "enroll", "acs.k3")]
  names(out) <- c("stype", "sch_wide", "awards", "api00", "enroll", "acs_k3")
  out
}
analysis <- function(des) as.matrix(weights(des, "analysis"))

designs <- list()
settings <- list()
# JK1: the one-stage cluster sample of districts, one replicate per deleted district (default scale (R-1)/R).
jk1 <- as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw, data = apiclus1), type = "JK1")
d <- export(api_columns(apiclus1), jk1$pweights, analysis(jk1), "apiclus1_jk1")
designs$apiclus1_jk1 <- svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "JK1", combined.weights = TRUE)
settings$apiclus1_jk1 <- obj(data = q("apiclus1_jk1"), type = q("JK1"))
# The same replicates with deviations around the full-sample estimate.
designs$apiclus1_jk1_mse <- svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "JK1", combined.weights = TRUE, mse = TRUE)
settings$apiclus1_jk1_mse <- obj(data = q("apiclus1_jk1"), type = q("JK1"), mse = "true")
# "other" with a given scale and one rscales for all.
designs$apiclus1_other <- svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "other", combined.weights = TRUE, scale = 0.5, rscales = 1.5)
settings$apiclus1_other <- obj(data = q("apiclus1_jk1"), type = q("other"), scale = "0.5", rscales = "1.5")
# JKn: the stratified sample, one replicate per deleted school, rscales (n_h-1)/n_h per replicate.
jkn <- as.svrepdesign(svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = apistrat), type = "JKn")
d <- export(api_columns(apistrat), jkn$pweights, analysis(jkn), "apistrat_jkn")
designs$apistrat_jkn <- svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "JKn", combined.weights = TRUE, rscales = jkn$rscales)
settings$apistrat_jkn <- obj(data = q("apistrat_jkn"), type = q("JKn"), rscales = num(jkn$rscales))
# Bootstrap: 50 replicates with a fixed seed, with the scale as.svrepdesign gives them.
set.seed(20261202)
boot <- as.svrepdesign(svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = apistrat), type = "bootstrap", replicates = 50)
d <- export(api_columns(apistrat), boot$pweights, analysis(boot), "apistrat_bootstrap")
designs$apistrat_bootstrap <- svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "bootstrap", combined.weights = TRUE, scale = boot$scale)
settings$apistrat_bootstrap <- obj(data = q("apistrat_bootstrap"), type = q("bootstrap"), scale = num(boot$scale))
# BRR and Fay (rho = 0.3) on scd, the replicates of ?svrepdesign; equal full-sample weights.
brr <- 2 * cbind(c(1, 0, 1, 0, 1, 0), c(1, 0, 0, 1, 0, 1), c(0, 1, 1, 0, 0, 1), c(0, 1, 0, 1, 1, 0))
scd_vars <- data.frame(ESA = scd$ESA, ambulance = scd$ambulance, arrests = scd$arrests, alive = scd$alive)
d <- export(scd_vars, rep(1, 6), brr, "scd_brr")
designs$scd_brr <- svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "BRR", combined.weights = TRUE)
settings$scd_brr <- obj(data = q("scd_brr"), type = q("BRR"))
d <- export(scd_vars, rep(1, 6), ifelse(brr == 2, 1.7, 0.3), "scd_fay")
designs$scd_fay <- svrepdesign(data = d, repweights = "^rw[0-9]+$", weights = ~pw, type = "Fay", rho = 0.3, combined.weights = TRUE)
settings$scd_fay <- obj(data = q("scd_fay"), type = q("Fay"), rho = "0.3")

methods <- c("logit", "mean", "beta", "xlogit", "asin")
# One proportion on a (sub)design: estimate, SE, deff, df and every method's limits.
proportion <- function(des, expr) {
  f <- as.formula(paste0("~as.numeric(", expr, ")"))
  m <- svymean(f, des, deff = TRUE)
  limits <- sapply(methods, function(method) {
    ci <- attr(svyciprop(as.formula(paste0("~", expr)), des, method = method), "ci")
    c(ci[[1]], ci[[2]])
  })
  obj(proportion = num(coef(m)), se = num(SE(m)), deff = num(deff(m)), degf = num(degf(des)), n = num(nrow(des)),
      methods = str(methods), lower = num(limits[1, ]), upper = num(limits[2, ]))
}
# A numeric variable on a subdesign: mean and total with their SEs and intervals on the whole design's df.
numeric <- function(des, sub, y, df) {
  f <- as.formula(paste0("~", y))
  m <- svymean(f, sub, na.rm = TRUE); mci <- confint(m, df = df)
  t <- svytotal(f, sub, na.rm = TRUE); tci <- confint(t, df = df)
  obj(mean = num(coef(m)), mean_se = num(SE(m)), mean_lower = num(mci[1]), mean_upper = num(mci[2]),
      total = num(coef(t)), total_se = num(SE(t)), total_lower = num(tci[1]), total_upper = num(tci[2]),
      degf = num(df), n = num(sum(!is.na(sub$variables[[y]]))))
}

questions <- list(api = list(
  proportions = list(list(id = "awards", expr = 'awards == "Yes"', by = "stype"),
                     list(id = "sch_wide", expr = 'sch_wide == "Yes"', by = "stype"),
                     list(id = "stype", category = "E", expr = 'stype == "E"', by = "awards"),
                     list(id = "stype", category = "H", expr = 'stype == "H"', by = "awards"),
                     list(id = "stype", category = "M", expr = 'stype == "M"', by = "awards")),
  numeric = list(list(id = "api00", by = "stype"), list(id = "enroll", by = "stype"), list(id = "acs_k3", by = "awards"))),
  scd = list(proportions = list(list(id = "ambulance", expr = "ambulance == 1", by = "ESA")),
             numeric = list(list(id = "arrests", by = "ambulance"), list(id = "alive", by = "ambulance"))))

cases <- character(0)
for (name in names(designs)) {
  des <- designs[[name]]
  set <- questions[[if (startsWith(name, "scd")) "scd" else "api"]]
  for (p in set$proportions) {
    groups <- sort(unique(as.character(des$variables[[p$by]])))
    whole <- proportion(des, p$expr)
    by <- sapply(groups, function(g) proportion(des[as.character(des$variables[[p$by]]) == g, ], p$expr))
    cases <- c(cases, obj(design = q(name), kind = q("proportion"), question = q(p$id),
                          category = q(if (is.null(p$category)) "" else p$category), by = q(p$by),
                          groups = str(groups), whole = whole, groupwise = paste0("[", paste(by, collapse = ","), "]")))
  }
  for (v in set$numeric) {
    groups <- sort(unique(as.character(des$variables[[v$by]])))
    df <- degf(des)
    whole <- numeric(des, des, v$id, df)
    by <- sapply(groups, function(g) numeric(des, des[as.character(des$variables[[v$by]]) == g, ], v$id, df))
    cases <- c(cases, obj(design = q(name), kind = q("numeric"), question = q(v$id), by = q(v$by), groups = str(groups),
                          whole = whole, groupwise = paste0("[", paste(by, collapse = ","), "]")))
  }
}

# svrepdesign's default scale and rscales per type, for 8 replicates (Fay with rho = 0.5).
eight <- data.frame(y = 1:8, pw = 1, matrix(runif(64) + 1, 8, 8, dimnames = list(NULL, paste0("rw", 1:8))))
defaults <- sapply(c("JK1", "BRR", "Fay", "bootstrap", "successive-difference", "ACS", "other"), function(type) {
  des <- suppressWarnings(svrepdesign(data = eight, repweights = "^rw", weights = ~pw, type = type, combined.weights = TRUE,
                                      rho = if (type == "Fay") 0.5 else NULL))
  obj(type = q(type), scale = num(des$scale), rscales = num(des$rscales))
})

cat("{\n\"generator\":", q(paste(R.version.string, "/ survey", packageVersion("survey"))), ",\n\"settings\":",
    obj(apiclus1_jk1 = settings$apiclus1_jk1, apiclus1_jk1_mse = settings$apiclus1_jk1_mse, apiclus1_other = settings$apiclus1_other,
        apistrat_jkn = settings$apistrat_jkn, apistrat_bootstrap = settings$apistrat_bootstrap, scd_brr = settings$scd_brr,
        scd_fay = settings$scd_fay),
    ",\n\"defaults\":[", paste(defaults, collapse = ",\n"), "],\n\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}\n", sep = "")
