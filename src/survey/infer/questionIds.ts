const MAX_ID_LENGTH = 24;

/**
 * Question ids a researcher can type: a platform's column name that is already a code (Q1,
 * fb, G01Q02) stays as it is; a spreadsheet heading ("Profil Facebook", "Sexe") becomes its
 * first lower-case words joined by "_", without accents ("profil_facebook", "sexe").
 */
export function questionIdOf(name: string, heading: boolean): string {
  if (!heading && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return name;
  const words = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => (heading ? word.toLowerCase() : word));
  let id = words[0] ?? "";
  for (const word of words.slice(1)) {
    if (id.length + 1 + word.length > MAX_ID_LENGTH) break;
    id += `_${word}`;
  }
  return id === "" ? "question" : id;
}

/** Hands out ids, adding _2, _3 … to one already given. */
export function uniqueIds(): (wanted: string) => string {
  const given = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; given.has(id); n++) id = `${wanted}_${n}`;
    given.add(id);
    return id;
  };
}
