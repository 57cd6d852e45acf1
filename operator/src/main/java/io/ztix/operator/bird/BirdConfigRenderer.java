package io.ztix.operator.bird;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import io.quarkus.qute.WithPriority;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a route server's ZT-IX include file for BIRD 2 or 3 from the templates in {@code bird/*.txt} on the
 * classpath, one concern each. {@code ztix} ties together the shared part: {@code header} (router id,
 * defines), {@code rpki} (ROA tables, one RTR session per server), {@code filters} (bogons, prefix
 * lengths, AS_PATH and NEXT_HOP checks, RPKI, graceful shutdown), {@code aspa} (when the policy verifies AS paths)
 * and {@code announcement-control}. Then
 * {@code session} is rendered once per member and address family (import and export filter plus the
 * {@code protocol bgp}), with the {@code irr} hook inside. Rendering the sessions one by one and
 * appending them is markedly faster than a Qute loop with an include per iteration.
 *
 * <p>The output is deterministic: sessions are ordered by ASN, node ID and address family, and nothing
 * time-dependent is written, so equal input gives byte-identical output and {@link #sha256(String)} of
 * it can serve as the configuration's hash.
 *
 * <p>The file is an include: the host's main {@code bird.conf} must contain {@code log ...},
 * {@code protocol device} and {@code include "/etc/bird/ztix.conf";} — and no {@code router id} of its
 * own, because the include sets it (see {@code bird/README.md}).
 *
 * <p>Thread-safe; build one and reuse it.
 */
public final class BirdConfigRenderer {

    private static final String TEMPLATE_DIRECTORY = "bird/";
    private static final String TEMPLATE_SUFFIX = ".txt";

    private final Template root;
    private final Template session;

    public BirdConfigRenderer() {
        this(TEMPLATE_DIRECTORY);
    }

    /**
     * With the templates of another classpath directory (ending in {@code /}), which must hold {@code ztix.txt} and
     * {@code session.txt} and whatever they include; tests use it for a template set that cannot render.
     */
    public BirdConfigRenderer(String templateDirectory) {
        Engine engine = Engine.builder()
                .addDefaults()
                .addValueResolver(templateViewResolver())
                .addLocator(id -> locate(templateDirectory, id))
                .removeStandaloneLines(true)
                .strictRendering(true)
                .build();
        root = engine.getTemplate("ztix");
        session = engine.getTemplate("session");
        if (root == null || session == null) {
            throw new IllegalStateException("templates are missing from " + templateDirectory);
        }
    }

    /**
     * The include file for {@code config}, for the oldest supported BIRD ({@link BirdVersion#OLDEST_SUPPORTED}):
     * it parses on every supported release, newer ones merely warn about inferred function return types.
     *
     * @throws IllegalArgumentException as {@link #render(RouteServerConfig, BirdVersion)}
     * @throws BirdRenderException      as {@link #render(RouteServerConfig, BirdVersion)}
     */
    public String render(RouteServerConfig config) {
        return render(config, BirdVersion.OLDEST_SUPPORTED);
    }

    /**
     * The include file for {@code config} on a route server running BIRD {@code version}: declared function
     * return types from 2.14 and in 3.x, ASPA (when the policy asks for it) only from 2.16 and in 3.x.
     *
     * @throws IllegalArgumentException when the version is unsupported, the policy needs a feature the version
     *                                  lacks (ASPA before 2.16), an address, ASN, node ID, limit or RTR server is
     *                                  invalid, a member or address appears twice, or no RTR server is given
     * @throws BirdRenderException      when a template fails to render the validated input
     */
    public String render(RouteServerConfig config, BirdVersion version) {
        ConfigView view = ConfigView.of(config, version);
        StringBuilder text = new StringBuilder(4096 + view.sessions().size() * 1024);
        text.append(render(root, view));
        for (SessionView sessionView : view.sessions()) {
            text.append(render(session, sessionView));
        }
        return text.toString();
    }

    /**
     * Renders like {@link #render(RouteServerConfig)} and also returns the hashes of the shared part and of each
     * session block, and which {@code protocol rpki} talks to which RTR server.
     *
     * @throws IllegalArgumentException as {@link #render(RouteServerConfig)}
     * @throws BirdRenderException      as {@link #render(RouteServerConfig)}
     */
    public RenderedConfig renderParts(RouteServerConfig config) {
        return renderParts(config, BirdVersion.OLDEST_SUPPORTED);
    }

    /**
     * Renders like {@link #render(RouteServerConfig, BirdVersion)} and also returns the hashes of the shared part
     * and of each session block, and which {@code protocol rpki} talks to which RTR server.
     *
     * @throws IllegalArgumentException as {@link #render(RouteServerConfig, BirdVersion)}
     * @throws BirdRenderException      as {@link #render(RouteServerConfig, BirdVersion)}
     */
    public RenderedConfig renderParts(RouteServerConfig config, BirdVersion version) {
        ConfigView view = ConfigView.of(config, version);
        StringBuilder text = new StringBuilder(4096 + view.sessions().size() * 1024);
        String shared = render(root, view);
        text.append(shared);
        Map<String, String> sessions = new LinkedHashMap<>();
        for (SessionView sessionView : view.sessions()) {
            String block = render(session, sessionView);
            text.append(block);
            sessions.put(sessionView.protocolName(), sha256(block));
        }
        Map<String, RtrEndpoint> rtr = new LinkedHashMap<>();
        for (RtrView rtrView : view.rtrServers()) {
            rtr.put(rtrView.protocolName(), rtrView.endpoint());
        }
        String all = text.toString();
        return new RenderedConfig(all, sha256(all), sha256(shared), sessions, rtr);
    }

    /**
     * A template that fails on its input (a Qute error such as a property the view does not have, or a value that
     * throws) is a render failure the caller can report, not an exception of some other kind that escapes it.
     */
    private static String render(Template template, TemplateView view) {
        try {
            return template.render(view);
        } catch (RuntimeException e) {
            throw new BirdRenderException("template " + template.getId() + " cannot be rendered: " + e.getMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static ValueResolver templateViewResolver() {
        return ValueResolver.builder()
                .priority(WithPriority.DEFAULT_PRIORITY + 100)
                .appliesTo(context -> context.getBase() instanceof TemplateView)
                .resolveAsync(context -> {
                    Object value = ((TemplateView) context.getBase()).property(context.getName());
                    return value == null ? Results.notFound(context) : CompletedStage.of(value);
                })
                .build();
    }

    private static Optional<TemplateLocation> locate(String directory, String id) {
        String resource = directory + id + TEMPLATE_SUFFIX;
        ClassLoader loader = BirdConfigRenderer.class.getClassLoader();
        if (loader.getResource(resource) == null) {
            return Optional.empty();
        }
        String content = readResource(loader, resource);
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(content);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.empty();
            }
        });
    }

    private static String readResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }
}
