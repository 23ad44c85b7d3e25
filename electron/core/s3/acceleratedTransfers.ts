import { GetBucketAccelerateConfigurationCommand } from '@aws-sdk/client-s3';
import type { FileEntry } from '../../../shared/files.js';
import { splitS3Path } from '../../../shared/paths.js';
import type { AttemptJob, FileTransferDriver, RemoteFileSystem, TransferContext, UploadResume } from '../fs/remoteFileSystem.js';
import type { Checkpoint, JobContext } from '../transfers/jobContext.js';
import { httpStatusOf } from './s3Errors.js';
import type { RegionalClients } from './s3Regions.js';
import type { S3TransferDriver } from './s3TransferDriver.js';

/** Makes the transfer driver of one bucket on its accelerate endpoint (`<bucket>.s3-accelerate.amazonaws.com`). */
export type AcceleratedDriverFor = (bucket: string, region: string) => S3TransferDriver;

/**
 * The transfers of an AWS connection set to "use the accelerate endpoint when the bucket has
 * it on": each transfer goes through its bucket's driver, on the accelerate endpoint where
 * the bucket's Transfer Acceleration is on, else the usual one. Each bucket's status is read
 * once (GetBucketAccelerateConfiguration); a name with dots (which the endpoint's
 * certificate cannot cover), or a status that cannot be read, goes the usual way.
 */
export class AcceleratedTransfers implements FileTransferDriver {
  private readonly drivers = new Map<string, Promise<S3TransferDriver>>();
  readonly storageClasses;
  readonly resumeDownload;

  constructor(
    private readonly usual: S3TransferDriver,
    private readonly clients: RegionalClients,
    private readonly acceleratedFor: AcceleratedDriverFor,
  ) {
    this.storageClasses = usual.storageClasses;
    this.resumeDownload = usual.resumeDownload;
  }

  /** The driver for the bucket of `remotePath`. */
  driverFor(remotePath: string): Promise<S3TransferDriver> {
    const { bucket } = splitS3Path(remotePath);
    let driver = this.drivers.get(bucket);
    if (!driver) {
      driver = this.choose(bucket);
      this.drivers.set(bucket, driver);
    }
    return driver;
  }

  private async choose(bucket: string): Promise<S3TransferDriver> {
    if (!bucket || bucket.includes('.')) return this.usual;
    try {
      const client = await this.clients.clientFor(bucket);
      const out = await client.send(new GetBucketAccelerateConfigurationCommand({ Bucket: bucket }));
      return out.Status === 'Enabled' ? this.acceleratedFor(bucket, await this.clients.regionOf(bucket)) : this.usual;
    } catch (error) {
      // Refused (no s3:GetAccelerateConfiguration): the usual way for good. Anything else
      // (the network, a throttled answer): the usual way this time, asked again next time.
      if (httpStatusOf(error) !== 403) this.drivers.delete(bucket);
      return this.usual;
    }
  }

  async upload(localPath: string, remotePath: string, ctx: TransferContext): Promise<void> {
    return (await this.driverFor(remotePath)).upload(localPath, remotePath, ctx);
  }

  async download(remotePath: string, localPath: string, ctx: TransferContext): Promise<void> {
    return (await this.driverFor(remotePath)).download(remotePath, localPath, ctx);
  }

  async runAttempt(job: AttemptJob, ctx: JobContext): Promise<void> {
    return (await this.driverFor(job.snapshot.remotePath)).runAttempt(job, ctx);
  }

  async discardPartialUpload(fs: RemoteFileSystem, remotePath: string, checkpoint: Checkpoint | undefined): Promise<void> {
    return (await this.driverFor(remotePath)).discardPartialUpload(fs, remotePath, checkpoint);
  }

  leftUnnamedWork(checkpoint: Checkpoint): boolean {
    return this.usual.leftUnnamedWork(checkpoint);
  }

  async canResumeUpload(remotePath: string): Promise<boolean> {
    return (await this.driverFor(remotePath)).canResumeUpload(remotePath);
  }

  async resumeUpload(fs: RemoteFileSystem, remotePath: string, localPath: string): Promise<UploadResume | undefined> {
    return (await this.driverFor(remotePath)).resumeUpload(fs, remotePath, localPath);
  }

  freeTargets(remoteFolder: string, remotePaths: string[]): Promise<Set<string>> {
    return this.usual.freeTargets(remoteFolder, remotePaths);
  }

  replaceIfUnchanged(fs: RemoteFileSystem, localPath: string, remotePath: string, expected: FileEntry, signal: AbortSignal): Promise<FileEntry> {
    return this.usual.replaceIfUnchanged(fs, localPath, remotePath, expected, signal);
  }
}
