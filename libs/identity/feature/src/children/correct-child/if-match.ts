import { PreconditionFailedException } from '@nestjs/common';

/** The child's version from If-Match (`3`, `"3"` or `W/"3"`): a correction must name the version it corrects. */
export function versionFromIfMatch(header: string | undefined): number {
  const match = header === undefined ? null : /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) {
    throw new PreconditionFailedException({
      message:
        'If-Match: send the version of the child you corrected, e.g. If-Match: "3" (GET the child for its version)',
      field: 'If-Match',
    });
  }
  return Number(match[1]);
}
