/** The starter's implementation: not an API, it may change in any release. */
package io.autoclaims.spring.boot.internal;
