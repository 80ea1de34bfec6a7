package org.crmkit.core.feedback;

/** Keeps the package present until its types land; removed at integration. Not API. */
final class PackageMarker {
    private PackageMarker() {
    }
}
