import type { NotificationConfig } from '../../shared/buckets.js';

/** What tests/fixtures/aws/GetBucketNotificationConfiguration.xml reads as: AWS's answer, by hand from its documentation. */
export const recordedAwsNotifications: NotificationConfig = {
  rules: [
    { id: 'uploads-to-sns', target: 'topic', arn: 'arn:aws:sns:eu-central-1:111122223333:uploads', events: ['s3:ObjectCreated:*'], prefix: 'incoming/' },
    { id: 'deletes-to-sqs', target: 'queue', arn: 'arn:aws:sqs:eu-central-1:111122223333:deletes', events: ['s3:ObjectRemoved:Delete', 's3:ObjectRemoved:DeleteMarkerCreated'] },
    { id: 'resize-images', target: 'lambda', arn: 'arn:aws:lambda:eu-central-1:111122223333:function:resize', events: ['s3:ObjectCreated:Put'], prefix: 'images/', suffix: '.jpg' },
  ],
  eventBridge: true,
  onAws: true,
};
