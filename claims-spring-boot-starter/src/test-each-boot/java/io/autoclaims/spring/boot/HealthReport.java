package io.autoclaims.spring.boot;

import java.util.Map;

/**
 * What a health contributor reported, read by {@code BootHealth} from the API of the Spring Boot the tests
 * run on.
 *
 * @param status the status code ({@code UP}, {@code DOWN}, ...)
 * @param details the details
 */
record HealthReport(String status, Map<String, Object> details) {
}
