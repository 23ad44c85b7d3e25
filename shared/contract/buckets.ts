/** Bucket settings: versioning, public access, website, lifecycle, policy, CORS... */
export const bucketOperations = {};

export const bucketEvents = {};
