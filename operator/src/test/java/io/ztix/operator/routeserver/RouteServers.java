package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.api.routeserver.BirdSpec;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RpkiSpec;
import io.ztix.api.routeserver.RtrServer;
import io.ztix.api.routeserver.SshSpec;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.testsupport.lab.RouteServerHost;
import io.ztix.operator.testsupport.lab.Stayrtr;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RouteServer resources pointing at the test's real sshd and lab BIRD. */
final class RouteServers {

    private static final Pattern MEMBER_SESSION_V6 = Pattern.compile("(?m)^protocol bgp (m_as\\d+_[0-9a-f]{10})_v6\\b");

    private RouteServers() {
    }

    /** The Secret a {@link #sshRouteServer} names as {@code keySecret}: the client key {@code sshd} accepts. */
    static Secret sshKeySecret(String namespace, String keySecret, OpenSshServer sshd) {
        return sshKeySecret(namespace, keySecret, sshd.clientPrivateKey());
    }

    /** The Secret a {@link #sshRouteServer} names as {@code keySecret}, holding {@code privateKey} (OpenSSH PEM). */
    static Secret sshKeySecret(String namespace, String keySecret, String privateKey) {
        return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(keySecret)
                .addToLabels(SecretPurpose.LABEL, SecretPurpose.SSH_KEY.label()).endMetadata()
                .addToStringData("key", privateKey).build();
    }

    /** How many members' IPv6 sessions a rendered include file configures. */
    static int memberSessionsV6(String includeFile) {
        Matcher m = MEMBER_SESSION_V6.matcher(includeFile);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    static RouteServer labRouteServer(String namespace, String name, String network, OpenSshServer sshd, IxLab lab) {
        return labRouteServer(namespace, name, network, sshd, lab.routeServer(), lab.stayrtr());
    }

    /** A RouteServer for one of the lab's route server hosts, with that host's StayRTR as its RTR server. */
    static RouteServer labRouteServer(String namespace, String name, String network, OpenSshServer sshd,
            RouteServerHost host, Stayrtr stayrtr) {
        LanPeer self = host.peer();
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RouteServerSpec spec = new RouteServerSpec();
        spec.networkRef = network;
        spec.asn = self.asn();
        spec.routerId = self.routerId();
        spec.peeringAddresses = new PeeringAddresses();
        spec.peeringAddresses.ipv4 = self.ipv4();
        spec.peeringAddresses.ipv6 = self.ipv6();
        spec.ssh = new SshSpec();
        spec.ssh.host = sshd.host();
        spec.ssh.port = sshd.port();
        spec.ssh.user = sshd.user();
        spec.ssh.privateKeySecretRef = new SecretKeyRef("rs-ssh", "id_ed25519");
        spec.ssh.hostKey = sshd.hostPublicKey();
        spec.bird = new BirdSpec();
        spec.bird.configDirectory = host.configDir().toString();
        spec.bird.mainConfig = host.mainConfigFile().getFileName().toString();
        spec.bird.includeFile = host.includeFile().getFileName().toString();
        spec.bird.birdCommand = host.installation().birdExecutable().toString();
        spec.bird.birdcCommand = host.installation().birdcExecutable().toString();
        spec.bird.socket = host.socket().toString();
        spec.rpki = new RpkiSpec();
        spec.rpki.servers.add(new RtrServer(stayrtr.host(), stayrtr.port()));
        rs.setSpec(spec);
        return rs;
    }

    /** A RouteServer for a local {@link BirdDaemon} reached over {@code sshd}, its birdc through {@code birdc}. */
    static RouteServer birdRouteServer(String namespace, String name, String network, OpenSshServer sshd, BirdDaemon bird,
            RecordingBirdc birdc, String routerId, String ipv6, String keySecret) {
        RouteServer rs = sshRouteServer(namespace, name, network, sshd, routerId, ipv6, keySecret);
        BirdSpec birdSpec = new BirdSpec();
        birdSpec.configDirectory = bird.directory().toString();
        birdSpec.mainConfig = bird.mainConfig().getFileName().toString();
        birdSpec.includeFile = bird.includeFile().getFileName().toString();
        birdSpec.birdCommand = bird.birdBinary().toString();
        birdSpec.birdcCommand = birdc.command();
        birdSpec.socket = bird.socket().toString();
        rs.getSpec().bird = birdSpec;
        return rs;
    }

    /**
     * An IPv6-only RouteServer (AS64500) reached over {@code sshd} with the key in {@link #sshKeySecret
     * keySecret}, pinning sshd's host key; its {@code bird} section is left to the caller.
     */
    static RouteServer sshRouteServer(String namespace, String name, String network, OpenSshServer sshd, String routerId,
            String ipv6, String keySecret) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RouteServerSpec spec = new RouteServerSpec();
        spec.networkRef = network;
        spec.asn = 64500L;
        spec.routerId = routerId;
        spec.peeringAddresses = new PeeringAddresses();
        spec.peeringAddresses.ipv6 = ipv6;
        spec.ssh = new SshSpec();
        spec.ssh.host = sshd.host();
        spec.ssh.port = sshd.port();
        spec.ssh.user = sshd.user();
        spec.ssh.privateKeySecretRef = new SecretKeyRef(keySecret, "key");
        spec.ssh.hostKey = sshd.hostPublicKey();
        spec.rpki = new RpkiSpec();
        spec.rpki.servers.add(new RtrServer("127.0.0.1", 3323));
        // no RTR server runs here: without this, every new member would (rightly) be held until one is in sync
        spec.rpki.newMembersWhileNotInSync = RpkiSpec.NewMembersPolicy.Configure;
        rs.setSpec(spec);
        return rs;
    }
}
