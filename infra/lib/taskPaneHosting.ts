import { existsSync, readdirSync } from "node:fs";
import { Annotations, Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source, type ISource } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";

/** Props of `TaskPaneHosting`. */
export interface TaskPaneHostingProps {
  /** The task pane build (`addin/dist`, made by `cd addin && npx vite build`). */
  distDir: string;
}

/**
 * Files cached for a year, immutable: the JS and CSS vite names by content hash
 * (`assets/taskpane-CjAR79eB.js`), and the add-in's icons, which the manifest names: Office shows a
 * generic icon when an icon is served `no-cache`, so they are cached like the hashed assets, and a
 * changed icon must get a new file name (and manifest) to reach Excel.
 */
const HASHED_ASSETS = ["assets/*.js", "assets/*.css", "assets/icon-*.png"];

/** The page served when no build existed at synth time: says, in Spanish, what to do. */
const PLACEHOLDER_HTML = `<!doctype html><html lang="es-CL"><meta charset="utf-8"><title>Plan Cooperativo</title>
<p>El panel aún no se ha publicado: ejecute <code>cd addin &amp;&amp; npx vite build</code> y luego <code>cdk deploy</code> de nuevo.</p></html>`;

/**
 * Hosting of the Excel task pane: a private, encrypted S3 bucket (all public access blocked, TLS
 * only) read by CloudFront through Origin Access Control, served over HTTPS only (HTTP redirects).
 * `addin/dist` is uploaded by two BucketDeployments: vite's content-hashed JS and CSS, and the
 * icons, with a one-year immutable cache and never pruned (a pane opened before a deployment may still load its
 * chunks), then everything else (HTML pages, manifest) revalidated on every load, with a CloudFront
 * invalidation, so a deployment reaches every Excel at the next load. `config.json` is written
 * by the API stack (TaskPaneConfig) and never pruned here. When the
 * build is missing at synth time, a placeholder page is deployed instead and synth warns.
 *
 * Security headers are set, except X-Frame-Options and a frame-ancestors CSP: Excel on the web
 * shows the task pane in an iframe of an Office domain, and Microsoft's list of those domains changes.
 */
export class TaskPaneHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<id>.cloudfront.net` (a token until deploy). */
  readonly url: string;
  /** Whether `distDir` held a build at synth time. */
  readonly deployedBuild: boolean;

  constructor(scope: Construct, id: string, props: TaskPaneHostingProps) {
    super(scope, id);

    this.bucket = new Bucket(this, "Bucket", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Only build output lives here: it is recreated by the next deployment.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "coop-plans task pane: security headers without frame restrictions (Office hosts it in an iframe)",
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        // No frameOptions on purpose: DENY or SAMEORIGIN would blank the pane in Excel on the web.
      },
    });

    this.distribution = new Distribution(this, "Distribution", {
      comment: "coop-plans Excel task pane",
      defaultRootObject: "taskpane.html",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are in Chile: South American edge locations are only in the "all" price class.
      priceClass: PriceClass.PRICE_CLASS_ALL,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    this.deployedBuild = existsSync(props.distDir) && readdirSync(props.distDir).length > 0;
    let pages: ISource;
    let hashedAssets: BucketDeployment | undefined;
    if (this.deployedBuild) {
      const hashed = Source.asset(props.distDir);
      hashedAssets = new BucketDeployment(this, "DeployHashedAssets", {
        sources: [hashed],
        destinationBucket: this.bucket,
        exclude: ["*"],
        include: HASHED_ASSETS,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
        // Old hashed files stay: a pane opened before the deployment may still load its chunks.
        prune: false,
        memoryLimit: 512,
      });
      pages = Source.asset(props.distDir);
      Annotations.of(this).addInfo(`Task pane: deploying the build in ${props.distDir}`);
    } else {
      pages = Source.data("taskpane.html", PLACEHOLDER_HTML);
      Annotations.of(this).addWarning(
        `Task pane: ${props.distDir} does not exist or is empty, so a placeholder page is deployed. Run "cd addin && npx vite build" before "cdk deploy".`,
      );
    }
    const pagesDeployment = new BucketDeployment(this, "DeployPages", {
      sources: [pages],
      destinationBucket: this.bucket,
      // The hashed assets belong to the other deployment, config.json to the API stack's
      // (TaskPaneConfig): excluded here, so pruning leaves them alone.
      exclude: [...HASHED_ASSETS, "config.json"],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 512,
    });
    // Pages go up after the assets they reference.
    if (hashedAssets) pagesDeployment.node.addDependency(hashedAssets);
  }
}
