# JSON writers shared by the reference scripts (sourced from the repository root): numbers with 17
# significant digits (NA and NaN as null; Inf and -Inf as 1e999 and -1e999, numbers past the double
# range that JSON.parse reads as Infinity and -Infinity), strings (an array, or one string), objects of
# already-written fields, and a list of cases.
num <- function(x) {
  x <- as.numeric(x)
  written <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "1e999", "-1e999"), sprintf("%.17g", x)))
  paste0("[", paste(written, collapse = ","), "]")
}
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")
q <- function(x) sprintf('"%s"', x)
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste0('"', names(fields), '":', unlist(fields), collapse = ","), "}")
}
cases <- character(0)
add <- function(...) cases <<- c(cases, obj(...))
