/** A file-system error in words ("permission denied"), without Node's syscall and path suffix. */
export function systemReason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && code in SYSTEM_REASONS) return SYSTEM_REASONS[code] as string;
  return error instanceof Error ? error.message : String(error);
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "it already exists",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
};
