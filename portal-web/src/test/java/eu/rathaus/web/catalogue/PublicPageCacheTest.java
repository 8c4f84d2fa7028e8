package eu.rathaus.web.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublicPageCacheTest {

  @Test
  void aKeptPageCarriesEachResponsesOwnNonce() {
    byte[] rendered =
        "<script nonce=\"abc+/=\">PrimeFaces.csp.init('abc+/=')</script><p>Straße</p>"
            .getBytes(StandardCharsets.UTF_8);
    byte[] kept = PublicPageCache.withSlot(rendered, "abc+/=");
    assertThat(new String(kept, StandardCharsets.UTF_8)).doesNotContain("abc+/=");
    assertThat(new String(PublicPageCache.withNonce(kept, "xyz"), StandardCharsets.UTF_8))
        .isEqualTo("<script nonce=\"xyz\">PrimeFaces.csp.init('xyz')</script><p>Straße</p>");
  }

  @Test
  void ifNoneMatchComparesWeaklyAndAcceptsLists() {
    assertThat(PublicPageCache.matches("\"1-a\"", "\"1-a\"")).isTrue();
    assertThat(PublicPageCache.matches("W/\"1-a\"", "\"1-a\"")).isTrue();
    assertThat(PublicPageCache.matches("\"0-b\", \"1-a\"", "\"1-a\"")).isTrue();
    assertThat(PublicPageCache.matches("*", "\"1-a\"")).isTrue();
    assertThat(PublicPageCache.matches("\"2-a\"", "\"1-a\"")).isFalse();
    assertThat(PublicPageCache.matches(null, "\"1-a\"")).isFalse();
  }

  @Test
  void theEtagFollowsRevisionLanguageAndBuild() {
    String de = PublicPageCache.etagOf("build1", "/service.xhtml?m=a&s=b|de", 7);
    assertThat(PublicPageCache.etagOf("build1", "/service.xhtml?m=a&s=b|de", 7)).isEqualTo(de);
    assertThat(PublicPageCache.etagOf("build1", "/service.xhtml?m=a&s=b|de", 8)).isNotEqualTo(de);
    assertThat(PublicPageCache.etagOf("build1", "/service.xhtml?m=a&s=b|en", 7)).isNotEqualTo(de);
    assertThat(PublicPageCache.etagOf("build2", "/service.xhtml?m=a&s=b|de", 7)).isNotEqualTo(de);
  }
}
