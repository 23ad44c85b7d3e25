/**
 * A file that is one short request (the driver says which: see isSingleRequest) spends its
 * time waiting on the round trip, so such files run up to this many times "files in
 * parallel" at once (aws-cli runs 10 requests at once, rclone 4 transfers plus 8 checkers).
 */
export const lightFileFactor = 4;
