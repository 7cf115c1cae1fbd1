import { argumentError } from "../errors";

/** A command-line option that takes a positive integer ("--max 200"), as a number. */
export function optionCount(name: string, text: string): number {
  if (!/^0*[1-9]\d*$/.test(text.trim())) throw argumentError(name, "must be a positive integer", text);
  return Number(text);
}
