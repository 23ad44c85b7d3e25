/** SFTP-only operations (chmod, symlinks, ssh config import...). */
export const sftpOperations = {};

export const sftpEvents = {};
