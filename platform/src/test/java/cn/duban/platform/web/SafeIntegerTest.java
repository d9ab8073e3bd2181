package cn.duban.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser reads: a whole number beyond 2^53 − 1 arrives as its digits in a string, exact; others as numbers. */
class SafeIntegerTest {
    record Sample(long seed, long position, Long size) {
    }

    @Test
    void aSeedABrowserCouldNotHoldIsSentAsAStringAndSmallNumbersStayNumbers() throws Exception {
        ObjectMapper web = StrictJson.apply(new ObjectMapper());
        assertThat(web.writeValueAsString(new Sample(-7_295_421_860_305_129_357L, 41, 2L)))
                .isEqualTo("{\"seed\":\"-7295421860305129357\",\"position\":41,\"size\":2}");
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("largestExact", StrictJson.MAX_SAFE_INTEGER);
        edge.put("next", StrictJson.MAX_SAFE_INTEGER + 1);
        assertThat(web.writeValueAsString(edge)).isEqualTo("{\"largestExact\":9007199254740991,\"next\":\"9007199254740992\"}");
    }
}
